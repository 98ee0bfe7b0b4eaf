# CDD Portal: one image for web, worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1

# WeasyPrint's runtime (Pango with HarfBuzz and libthai for Thai shaping and line breaks) and Node/npm
# for the front-end packages (htmx) installed from the npm registry.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libthai0 \
      fonts-thai-tlwg nodejs npm \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY pyproject.toml README.md ./
COPY . .
RUN pip install . \
 && SECRET_KEY=build-only python manage.py collectstatic --noinput -v 0

RUN useradd --create-home --uid 1000 cdd && mkdir -p /app/var && chown -R cdd /app/var
USER cdd
EXPOSE 8000
CMD ["gunicorn", "cdd_portal.wsgi", "-b", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
