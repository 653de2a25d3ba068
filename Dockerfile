# Production image: gunicorn behind a CDN / load balancer. Configure with environment variables (docs/deployment.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=campaign_site.settings.production \
    PORT=8000 \
    GUNICORN_BIND=0.0.0.0:8000 \
    WEB_CONCURRENCY=2 \
    STATIC_ROOT=/app/staticfiles \
    PAGE_CACHE_DIR=/tmp/page-cache

WORKDIR /app

# Share cards in Arabic, Urdu and Bengali are drawn with Debian's Noto fonts; the partner kit's posters and brief are
# set in Debian's DejaVu fonts (KIT_FONT_DIR). Both are drawn on the server; visitors download no font. The clip's
# ffmpeg comes from imageio-ffmpeg in the lock, and the interface catalogs' .mo files are committed (`make messages`),
# so nothing else (no gettext) is needed from apt.
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-noto-core \
    fonts-dejavu-core && rm -rf /var/lib/apt/lists/*

# Exactly the locked versions, every file checked against its hash: a changed file fails the build (`make lock`
# writes requirements.lock from requirements.txt). Wheels exist for every locked package on this platform
# (psycopg[binary], Pillow, brotli): no compiler needed.
COPY requirements.lock .
RUN pip install --require-hashes -r requirements.lock

COPY . .

# Hashed, compressed (brotli + gzip) static files are built into the image; the throwaway key exists only for this step.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput -v0 \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /app/media /tmp/page-cache && chown app:app /app/media /tmp/page-cache

# The release error reports name (docs/deployment.md): docker build --build-arg RELEASE=$(git rev-parse --short HEAD)
ARG RELEASE=""
ENV SENTRY_RELEASE=$RELEASE

USER app
EXPOSE 8000

# The load balancer's view: /healthz answers 200 while the database is reachable (no curl in slim images). It sends
# the first allowed host name, as Django refuses requests for any other host.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["python", "-c", "import os, urllib.request as u; u.urlopen(u.Request('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', headers={'Host': os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0]}), timeout=4)"]

# gthread workers (WEB_CONCURRENCY, set here because a container's CPU quota is not what cpu_count() sees) with
# threads, keep-alive, preload, no recycling, timeouts and the address-free access log: all in the conf.
CMD ["gunicorn", "-c", "campaign_site/gunicorn.conf.py", "campaign_site.wsgi"]
