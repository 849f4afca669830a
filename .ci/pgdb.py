"""Create or drop a throwaway PostgreSQL database for CI: pgdb.py create|drop BASE_URL NAME."""

import sys

import psycopg


def main(action, base_url, name):
    with psycopg.connect(f"{base_url}/postgres", autocommit=True) as connection:
        if action == "create":
            connection.execute(f'CREATE DATABASE "{name}"')
        else:
            for database in (name, f"test_{name}"):
                connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


if __name__ == "__main__":
    main(*sys.argv[1:])
