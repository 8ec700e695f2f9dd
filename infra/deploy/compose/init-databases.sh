#!/bin/sh
# One database and one role per application (each service sees only its own data).
set -e
for db in donations funds sponsor_tiers grant_proposals fellow_nominations gateway; do
  psql -v ON_ERROR_STOP=1 -U postgres <<SQL
create role $db login password '$POSTGRES_PASSWORD';
create database $db owner $db;
SQL
done
