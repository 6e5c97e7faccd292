// 打印: any element with data-print prints the page (the CSP forbids inline onclick).
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
