# Sourced by the PostgreSQL test scripts (test-postgresql.sh, test-scale-out.sh), on a Debian machine, as root:
# installs Debian's postgresql package if it is missing, starts its cluster if it is down (and stops it again when
# the sourcing script exits), creates the role jdash (password jdash) and the database jdash where they are missing.
# Sets: version, port, url (jdbc:postgresql://localhost:<port>/jdash) and the function psql_as_postgres.
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_lsclusters >/dev/null; then
    apt-get update -qq
    apt-get install -y -qq postgresql
fi

# Debian's cluster of the newest installed PostgreSQL (the package creates "main"; create it if it is gone).
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    pg_createcluster "$version" main
fi
started=""
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" { up = 1 } END { exit !up }'; then
    pg_ctlcluster "$version" main start
    started=yes
fi
stop_cluster() {
    if [ -n "$started" ]; then
        pg_ctlcluster "$version" main stop
    fi
}
trap stop_cluster EXIT
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')

psql_as_postgres() {
    runuser -u postgres -- psql --port="$port" -v ON_ERROR_STOP=1 -qtA "$@"
}
if [ "$(psql_as_postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = 'jdash'")" = 0 ]; then
    psql_as_postgres -c "CREATE ROLE jdash LOGIN PASSWORD 'jdash'"
fi
if [ "$(psql_as_postgres -c "SELECT count(*) FROM pg_database WHERE datname = 'jdash'")" = 0 ]; then
    psql_as_postgres -c "CREATE DATABASE jdash OWNER jdash"
fi
url="jdbc:postgresql://localhost:$port/jdash"
