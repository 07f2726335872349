# Sourced by the scripts here: takes a libpq URL apart into libpq's variables (PGHOST, PGPORT, PGUSER, PGPASSWORD,
# PGDATABASE, and the query's sslmode and friends as PGSSLMODE, ...), percent-decoding each part.
#   postgresql://[user[:password]@][host][:port][/database][?sslmode=require&...]

pg_url_decode() { printf "%b" "${1//%/\\x}"; }

export_pg_url() {
  local url=$1 rest query auth hostport
  case $url in
    postgres://* | postgresql://*) rest=${url#*://} ;;
    *) echo "not a postgresql:// URL: $url" >&2; return 1 ;;
  esac
  query=""
  if [[ $rest == *\?* ]]; then query=${rest#*\?}; rest=${rest%%\?*}; fi
  if [[ $rest == *@* ]]; then
    auth=${rest%@*}; rest=${rest##*@}
    export PGUSER; PGUSER=$(pg_url_decode "${auth%%:*}")
    if [[ $auth == *:* ]]; then export PGPASSWORD; PGPASSWORD=$(pg_url_decode "${auth#*:}"); fi
  fi
  hostport=${rest%%/*}
  if [[ $rest == */* && -n ${rest#*/} ]]; then export PGDATABASE; PGDATABASE=$(pg_url_decode "${rest#*/}"); fi
  if [[ $hostport == \[*\]* ]]; then            # [IPv6]:port
    export PGHOST=${hostport%%]*}; PGHOST=${PGHOST#[}
    [[ $hostport == *\]:* ]] && export PGPORT=${hostport##*]:}
  elif [[ -n $hostport ]]; then
    export PGHOST; PGHOST=$(pg_url_decode "${hostport%%:*}")
    [[ $hostport == *:* ]] && export PGPORT=${hostport#*:}
  fi
  local pair key value
  local IFS='&'
  for pair in $query; do
    key=${pair%%=*}; value=$(pg_url_decode "${pair#*=}")
    case $key in
      host) export PGHOST=$value ;; port) export PGPORT=$value ;; user) export PGUSER=$value ;;
      password) export PGPASSWORD=$value ;; dbname) export PGDATABASE=$value ;;
      sslmode) export PGSSLMODE=$value ;; sslrootcert) export PGSSLROOTCERT=$value ;;
      sslcert) export PGSSLCERT=$value ;; sslkey) export PGSSLKEY=$value ;;
      *) echo "ignored in the URL: $key" >&2 ;;
    esac
  done
  return 0
}
