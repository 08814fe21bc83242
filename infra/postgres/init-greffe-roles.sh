#!/bin/sh
# Run by the postgres image when it creates its data directory (docker-entrypoint-initdb.d): Greffe's two roles, with
# the passwords compose passes in. On an existing volume, run greffe-roles.sql by hand (docs/operations.md).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v owner_password="$GREFFE_DB_OWNER_PASSWORD" -v app_password="$GREFFE_DB_APP_PASSWORD" \
     -f /greffe/greffe-roles.sql
