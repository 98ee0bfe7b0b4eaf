# CDD Portal: one image for web, worker and beat (docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

# WeasyPrint's runtime (Pango with HarfBuzz and libthai for Thai shaping and line breaks, Thai fonts as a
# fallback; the PDFs embed Sarabun from the fontpkg-sarabun package). Node/npm only to install the
# front-end packages (htmx) from package-lock.json, then removed again in the same layer.
COPY package.json package-lock.json ./
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libthai0 \
      fonts-thai-tlwg nodejs npm \
 && npm ci --no-audit --no-fund --loglevel=error \
 && apt-get purge -y --auto-remove nodejs npm \
 && rm -rf /var/lib/apt/lists/* /root/.npm

COPY . .
# The project and its dependencies; static files collected once at build (a dummy key: DEBUG is off).
# PYTHONPATH=/app makes manage.py, gunicorn and celery all use the source under /app (templates, static).
RUN pip install . \
 && SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput -v 0

RUN useradd --create-home --uid 1000 cdd \
 && mkdir -p /app/var/media \
 && chown -R cdd /app/var /app/staticfiles
USER cdd
EXPOSE 8000
CMD ["gunicorn", "cdd_portal.wsgi", "-b", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
