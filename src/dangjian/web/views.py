"""Pages. Each reads through access.scoping, so a page shows exactly what the API does."""

import time
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from dangjian.access import lockout, services, signin
from dangjian.access.actor import actor_of
from dangjian.access.models import User
from dangjian.access.passwords import password_change_reason
from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.access.selectors import scope_summary
from dangjian.dashboard.cockpit import has_cockpit

from .forms import LoginForm, OtpForm, PasswordChangeForm
from .workbench import workbench

# Between the password and the code: who passed the first step, and until when it counts.
PENDING_LOGIN = "dangjian_pending_login"
PENDING_SECONDS = 5 * 60


class LoginView(auth_views.LoginView):
    """Step one: user name and password. A second factor, when required, is step two."""

    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        minutes = settings.DANGJIAN_LOGIN_FAILURE_WINDOW.total_seconds() // 60
        return super().get_context_data(**kwargs, policy={
            "failures": settings.DANGJIAN_LOGIN_FAILURE_LIMIT, "window": int(minutes),
            "lock": int(settings.DANGJIAN_LOGIN_LOCK.total_seconds() // 60),
            "idle": settings.SESSION_COOKIE_AGE // 60,
        })

    def get_default_redirect_url(self) -> str:
        """县领导、分管领导、纪检监察、单位书记 land on the 领导驾驶舱, others on the 工作台."""
        user = getattr(self, "signing_in", None) or self.request.user
        if has_cockpit(user):
            return reverse("dashboard:cockpit")
        return super().get_default_redirect_url()

    def form_valid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        user = cast(User, form.get_user())
        self.signing_in = user
        if form.device is None:
            signin.succeed(self.request, user)
            return super().form_valid(form)
        self.request.session[PENDING_LOGIN] = {
            "user": user.pk, "backend": user.backend,  # type: ignore[attr-defined]
            "next": self.get_success_url(), "at": time.time(),
        }
        return redirect("web:login_otp")


def _pending_user(request: HttpRequest) -> tuple[User, dict[str, Any]] | None:
    pending = request.session.get(PENDING_LOGIN)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    return (user, pending) if user is not None else None


def _finish_login(request: HttpRequest, user: User, pending: dict[str, Any],
                  device: Any) -> HttpResponse:
    request.session.pop(PENDING_LOGIN, None)
    user.otp_device = device  # type: ignore[attr-defined]  # django-otp marks the session
    signin.succeed(request, user)
    auth_login(request, user, backend=pending["backend"])
    return redirect(pending["next"])


@never_cache
@sensitive_post_parameters("otp")
def login_otp(request: HttpRequest) -> HttpResponse:
    """Step two: the 6-digit TOTP code of the user who passed step one."""
    found = _pending_user(request)
    if found is None:
        request.session.pop(PENDING_LOGIN, None)
        messages.error(request, "登录已超时，请重新输入用户名和密码")
        return redirect("web:login")
    user, pending = found
    form = OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = signin.device_for(request, user)
            if device is not None:
                signin.check_code(request, user=user, device=device,
                                  code=form.cleaned_data["otp"])
        except signin.SignInRefused as refused:
            if refused.reason == "locked":
                request.session.pop(PENDING_LOGIN, None)
                messages.error(request, refused.message)
                return redirect("web:login")
            form.add_error("otp", refused.message)
        else:
            return _finish_login(request, user, pending, device)
    return render(request, "registration/login_otp.html", {"form": form, "person": user})


def _locked(error: ValidationError) -> bool:
    return any(e.code == "locked"
               for e in getattr(error, "error_dict", {}).get("old_password", []))


@login_required
@sensitive_post_parameters()
def password_change(request: HttpRequest) -> HttpResponse:
    """The owner changes their password; forced when it is initial or too old."""
    user = cast(User, request.user)
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_change(user=user, old_password=form.cleaned_data["old_password"],
                                     new_password=form.cleaned_data["new_password"])
        except ValidationError as exc:
            if _locked(exc):  # too many wrong old passwords: this session ends as well
                auth_logout(request)
                messages.error(request, exc.message_dict["old_password"][0])
                return redirect("web:login")
            form.add_service_errors(exc)
        else:
            update_session_auth_hash(request, user)  # stay signed in with the new hash
            messages.success(request, "密码已修改")
            return redirect("web:home")
    return render(request, "registration/password_change.html", {
        "form": form, "reason": password_change_reason(user),
        "rules": password_validators_help_texts(),
    })


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The 工作台: the landing page after login (see web.workbench)."""
    user = cast(User, request.user)  # login_required ran first
    grants = user.grants.select_related("organization").order_by("role")
    return render(request, "web/home.html", {
        **workbench(user), "grants": grants, "scope": scope_summary(user),
    })


@login_required
@never_cache
def lockouts(request: HttpRequest) -> HttpResponse:
    """The login locks in force, and lifting one (安全管理员); the API has the same."""
    if Role.SECURITY_ADMIN not in roles_of(request.user):
        raise PermissionDenied("仅安全管理员可以查看和解除登录锁定")
    if request.method == "POST":
        try:
            cleared = services.unlock(actor=actor_of(request),
                                      username=request.POST.get("username", ""),
                                      ip=request.POST.get("ip") or None)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, services.unlock_message(cleared))
        return redirect("web:lockouts")
    return render(request, "web/lockouts.html", {"locks": lockout.current_locks()})
