# Two commands do everything on a fresh machine: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DATABASE_URL_PG ?= postgres://postgres@127.0.0.1:5432/campaign

# `make run` serves the site the way production does: production settings, gunicorn, WhiteNoise, DEBUG off,
# on SQLite and local media over plain http on 127.0.0.1.
RUN_ENV = DJANGO_SETTINGS_MODULE=campaign_site.settings.production \
	SECRET_KEY="$$(cat .local/secret-key)" \
	ALLOWED_HOSTS=127.0.0.1,localhost \
	SITE_URL=http://127.0.0.1:$(PORT) \
	SECURE_SSL_REDIRECT=false COOKIE_SECURE=false PORT=$(PORT)

.PHONY: run test test-python test-postgres test-browser-deps test-kit-deps kit-deps lint check audit lock bench bench-deps lighthouse clean

# Installs come from the lock files only, every file checked against its hash: a changed file fails the install.
# requirements.txt and requirements-dev.txt are what people edit; `make lock` compiles them into the locks.
$(VENV)/.runtime: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.lock
	$(PY) -m pip install -q --require-hashes -r requirements-dev.lock
	touch $@

# --- Lock files (issue 19) ---
# pip-compile reads no pip configuration of this machine (no pip.conf, find-links or local index): only
# LOCK_INDEX_URL, which the lock does not record, so the same inputs give the same lock anywhere. Existing pins are
# kept unless an input changed or UPGRADE names a package: `make lock UPGRADE=sentry-sdk` (see README).
LOCK_INDEX_URL ?= https://pypi.org/simple
UPGRADE ?=
# Hashes of pins that did not change are kept from the lock (pip-tools' default; reading them all again from PyPI
# takes minutes); pip-compile stops with an error when a file it downloads does not match the lock's hash.
PIP_COMPILE = env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT -u PIP_REQUIRE_HASHES \
	PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet \
	--generate-hashes --allow-unsafe --strip-extras --newline=lf --index-url=$(LOCK_INDEX_URL) \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host $(addprefix --upgrade-package=,$(UPGRADE))

# pip-compile comes from the development lock, but an existing one is used as it is: `make lock` never first
# installs the lock it is about to rewrite.
$(VENV)/bin/pip-compile:
	$(MAKE) $(VENV)/.dev

# The development lock is compiled against the runtime lock, so both pin the same versions of what they share.
lock: | $(VENV)/bin/pip-compile
	$(PIP_COMPILE) --output-file=requirements.lock requirements.txt
	$(PIP_COMPILE) --constraint=requirements.lock --output-file=requirements-dev.lock requirements-dev.txt

# --- Interface translations (issue 16, docs/languages.md) ---
# `make messages` collects every interface string into languages/locale/<code>/LC_MESSAGES/django.po (gettext's
# xgettext and msgmerge, from Debian's gettext package) and compiles the .mo files, which are committed: running
# the site needs no gettext. tests/test_languages.py fails if a .mo file does not match its .po file.
MESSAGE_LANGUAGES := bn ar ur pl ro tr
MESSAGE_IGNORE := .venv/* editorial/* evaluation/* tests/* bench/* scripts/* staticfiles/* media/* demo/* \
	node_modules/* test-artifacts/* insights/* tools/* operations/two_factor.py
.PHONY: messages gettext-deps share-card-fonts
gettext-deps:
	@command -v msgmerge >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends gettext; \
	  else echo "Install gettext first: sudo apt-get install --no-install-recommends gettext" >&2; exit 1; fi; }

# Share cards in Arabic, Urdu and Bengali are drawn with Debian's Noto fonts (server side only; sharing/cards.py).
share-card-fonts:
	@test -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-core; \
	  else echo "Install fonts-noto-core for share cards in Arabic, Urdu and Bengali: sudo apt-get install --no-install-recommends fonts-noto-core" >&2; fi; }

messages: $(VENV)/.runtime gettext-deps
	DJANGO_SETTINGS_MODULE=campaign_site.settings.test $(PY) manage.py makemessages --no-location --no-obsolete \
	  $(addprefix -l ,$(MESSAGE_LANGUAGES)) $(foreach pattern,$(MESSAGE_IGNORE),-i '$(pattern)')
	DJANGO_SETTINGS_MODULE=campaign_site.settings.test $(PY) manage.py compilemessages $(addprefix -l ,$(MESSAGE_LANGUAGES))

.local/secret-key:
	mkdir -p .local
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

# The partner kit's fonts (Debian's DejaVu; see docs/partners.md). Without them the site runs and the kit waits.
kit-deps:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-dejavu-core; \
	  else echo "The partner kit needs fonts: sudo apt-get install --no-install-recommends fonts-dejavu-core (or set KIT_FONT_DIR)" >&2; fi; }

# The partner kit's tests print posters (pdftoppm, pdftotext from poppler-utils) and scan their QR codes (zbarimg).
test-kit-deps: kit-deps
	@command -v pdftoppm >/dev/null && command -v zbarimg >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends poppler-utils zbar-tools; \
	  else echo "Install first: sudo apt-get install --no-install-recommends poppler-utils zbar-tools" >&2; exit 1; fi; }

run: $(VENV)/.runtime .local/secret-key kit-deps share-card-fonts
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo_content
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(RUN_ENV) $(PY) manage.py ensure_admin --password "$${ADMIN_PASSWORD:-}"
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin at /admin/, user admin)"
	$(RUN_ENV) $(VENV)/bin/gunicorn -c campaign_site/gunicorn.conf.py campaign_site.wsgi

# Chromium from Debian (no browser download: see shared/docs/browser-testing.md).
test-browser-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
	  else echo "Install Chromium first: sudo apt-get install --no-install-recommends chromium" >&2; exit 1; fi; }

# pytest-xdist: one worker per core plus one, each with its own copy of the demo site's test database
# (TEST_WORKERS=0: no workers). The extra worker runs while the fault and browser tests wait on their servers:
# on 2 cores 3 workers ran the suite in 0.76-0.84 s per CPU second, 2 workers in 0.83-0.97 (docs/benchmarks.md).
TEST_WORKERS ?= $(shell echo $$(( $$(getconf _NPROCESSORS_ONLN) + 1 )))
test: $(VENV)/.dev test-browser-deps test-kit-deps share-card-fonts
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

test-postgres: $(VENV)/.dev test-browser-deps test-kit-deps share-card-fonts
	DATABASE_URL=$${DATABASE_URL:-$(DATABASE_URL_PG)} $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

# The same checks as the pre-commit hooks (.pre-commit-config.yaml), reporting without changing any file.
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	git ls-files -z -- '*.py' | xargs -0 $(VENV)/bin/django-upgrade --target-version 5.2 --check

check: $(VENV)/.dev
	DJANGO_SETTINGS_MODULE=campaign_site.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=campaign_site.settings.test $(PY) manage.py makemigrations --check --dry-run
	# The production settings, with the environment production must set, pass Django's deployment checklist.
	DJANGO_SETTINGS_MODULE=campaign_site.settings.production SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	  ALLOWED_HOSTS=hardcalls.example.org $(PY) manage.py check --deploy --fail-level WARNING

# --- Known vulnerabilities (issue 19) ---
# pip-audit over the development lock (every runtime pin included), failing on a known vulnerability unless it is
# accepted in audit-exceptions.toml, and failing loudly when no vulnerability service can be reached.
AUDIT_ARGS ?=
audit: $(VENV)/.dev
	$(PY) scripts/audit_dependencies.py $(AUDIT_ARGS)

# wrk from Debian, as test-browser-deps installs Chromium.
bench-deps:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk; \
	  else echo "Install wrk first: sudo apt-get install --no-install-recommends wrk" >&2; exit 1; fi; }

# Serves the site as `make run` does and loads it with wrk; figures go in docs/benchmarks.md.
DURATION ?= 20
SOAK ?= 300
bench: $(VENV)/.runtime .local/secret-key bench-deps
	$(PY) bench/load.py --port $(PORT) --duration $(DURATION) --soak $(SOAK)

# Lighthouse (mobile) on each public page type, served as `make run` serves it; installs Lighthouse with npm into
# .local/lighthouse the first time. Scores go in docs/benchmarks.md.
LIGHTHOUSE_PORT ?= 8320
lighthouse: $(VENV)/.runtime .local/secret-key test-browser-deps
	$(PY) bench/lighthouse.py --port $(LIGHTHOUSE_PORT)

clean:
	rm -rf $(VENV) staticfiles test-artifacts
