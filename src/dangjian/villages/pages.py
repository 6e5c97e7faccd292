from django.http import HttpRequest, HttpResponse


def summary(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")
