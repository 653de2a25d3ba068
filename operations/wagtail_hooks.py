"""The admin's second sign-in step uses our form (operations/two_factor.py) at wagtail-2fa's own address.

Registered before wagtail-2fa's admin URLs (a lower hook order), so `<admin>/2fa/auth` resolves here; it keeps the
name `wagtail_2fa_auth`, which wagtail-2fa's middleware lets through and its templates link to.
"""

from django.urls import path
from wagtail import hooks

from .two_factor import NamedDeviceLoginView


@hooks.register("register_admin_urls", order=-10)
def two_factor_step():
    return [path("2fa/auth", NamedDeviceLoginView.as_view(), name="wagtail_2fa_auth")]
