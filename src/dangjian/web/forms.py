from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django_otp.plugins.otp_totp.models import TOTPDevice

from dangjian.access import signin


class LoginForm(AuthenticationForm):
    """Username and password; the lockout and the audit run in ``access.signin``."""

    error_messages = {
        "invalid_login": "用户名或密码不正确，请重新输入",
        "inactive": "该账号已停用，请联系系统管理员",
    }
    device: TOTPDevice | None = None  # set when the second step must ask for a code

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return self.cleaned_data
        request = self.request
        assert request is not None  # LoginView always passes it: lockout and audit need it
        try:
            user = signin.check_password(request, username=username, password=password)
            self.device = signin.device_for(request, user)
        except signin.SignInRefused as refused:
            raise ValidationError(refused.message, code=refused.reason) from refused
        self.user_cache = user
        return self.cleaned_data


class OtpForm(forms.Form):
    # Not required here: an empty code goes through access.signin, which audits it.
    otp = forms.CharField(label="动态口令", max_length=8, required=False)


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(label="原密码", strip=False, widget=forms.PasswordInput)
    new_password = forms.CharField(label="新密码", strip=False, widget=forms.PasswordInput)
    new_password_again = forms.CharField(label="再次输入新密码", strip=False,
                                         widget=forms.PasswordInput)

    SERVICE_FIELDS = {"old_password": "old_password", "password": "new_password"}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_password") != data.get("new_password_again"):
            self.add_error("new_password_again", "两次输入的新密码不一致")
        return data

    def add_service_errors(self, error: ValidationError) -> None:
        for name, messages in error.message_dict.items():
            self.add_error(self.SERVICE_FIELDS.get(name), messages)
