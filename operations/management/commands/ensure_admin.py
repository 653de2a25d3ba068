"""Makes sure a superuser named `admin` exists, for `make run`."""

import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the `admin` account if missing. --password sets its password whether or not the account exists; "
        "without it a new account gets a password generated once and kept in --password-file."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default="",
            help="The admin's password: set on a new account and reset on an existing one.",
        )
        parser.add_argument(
            "--password-file",
            default=".local/admin-password",
            help="Where a generated password is kept (git-ignored).",
        )

    def handle(self, *args, password="", password_file="", **options):
        User = get_user_model()
        admin = User.objects.filter(username="admin").first()
        if admin is not None:
            if password:
                # `make run` with ADMIN_PASSWORD on an existing database: the newcomer must be able to sign in with it.
                admin.set_password(password)
                admin.save(update_fields=["password"])
                self.stdout.write("Admin account `admin` exists; its password is now the one given.")
            else:
                self.stdout.write("Admin account `admin` exists; its password is unchanged.")
            return
        path = Path(password_file)
        if not password:
            if path.exists():
                password = path.read_text().strip()
            else:
                password = secrets.token_urlsafe(18)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(password + "\n")
                path.chmod(0o600)
                self.stdout.write(f"Generated a password for `admin`, kept in {path}: {password}")
        User.objects.create_superuser("admin", "", password)
        self.stdout.write(self.style.SUCCESS("Created the admin account `admin`."))
