"""The admin's second sign-in step, checking a code against one named device.

wagtail-2fa 1.8.0's form verifies a code without naming a device, which django-otp refuses from 1.7.1 on: trying
every device in turn counted a failure against each device that did not match, throttling devices that were never
used. This form names the device: the staff member's only confirmed TOTP device, or the one they pick when they
have several. django-otp's mixin does the rest: throttling after failures, refusing a code already used (a replay),
all in one transaction with the device row locked, so two requests cannot both spend one code.

The view is wagtail-2fa's, with this form; operations/wagtail_hooks.py puts it at wagtail-2fa's address
(`wagtail_2fa_auth`), so its middleware, templates and links are unchanged.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.views import LoginView


class NamedDeviceTokenForm(OTPAuthenticationFormMixin, forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=True,
        widget=forms.TextInput(
            attrs={"autofocus": "autofocus", "autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )
    otp_device = forms.ChoiceField(label=_("Authenticator"), required=True)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk"))
        if len(self.devices) > 1:
            self.fields["otp_device"].choices = [(device.persistent_id, device.name) for device in self.devices]
        else:
            del self.fields["otp_device"]

    @property
    def extra_fields(self):
        """Fields wagtail-2fa's template shows after the code: the device choice, when there is one to make."""
        return [(name, self[name]) for name in ("otp_device",) if name in self.fields]

    def clean(self):
        super().clean()
        self.clean_otp(self.user)
        return self.cleaned_data

    def _chosen_device(self, user):
        if "otp_device" in self.fields:
            persistent_id = self.cleaned_data.get("otp_device")
        elif self.devices:
            persistent_id = self.devices[0].persistent_id
        else:
            return None
        if not persistent_id:
            return None
        # Loaded again, for update, inside clean_otp's transaction: the throttle and the last-used step are read
        # and written under the row lock.
        device = Device.from_persistent_id(persistent_id, for_verify=True)
        if not isinstance(device, TOTPDevice) or device.user_id != user.pk or not device.confirmed:
            return None
        return device


class NamedDeviceLoginView(LoginView):
    form_class = NamedDeviceTokenForm
