"""Makes sure a superuser named `admin` exists, for `make run`."""

import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the `admin` account if missing (password from ADMIN_PASSWORD or generated once)."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="", help="Password to set when the account is created.")
        parser.add_argument(
            "--password-file",
            default=".local/admin-password",
            help="Where a generated password is kept (git-ignored).",
        )

    def handle(self, *args, password="", password_file="", **options):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("Admin account `admin` exists.")
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
