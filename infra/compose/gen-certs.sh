#!/usr/bin/env bash
# Creates the database cluster's TLS certificates with the official es-gencert-cli image.
#
#   ./gen-certs.sh [--force]         for docker-compose.yml, into ./certs:
#                                      certs/ca/ca.crt, ca.key          the certificate authority
#                                      certs/nodeN/node.crt, node.key   one per node, valid for the node's
#                                                                       name on the compose network (nodeN),
#                                                                       localhost and 127.0.0.1
#   ./gen-certs.sh --k8s [--force]   for infra/k8s, into ./certs-k8s: the same CA layout and one
#                                    certificate per StatefulSet pod (eventstoredb-N), valid for
#                                    eventstoredb-N.eventstoredb.$NAMESPACE.svc.cluster.local
#                                    (NAMESPACE defaults to npa)
#
# --force replaces existing certificates. Keep ca.key offline once the certificates exist.
set -euo pipefail

IMAGE="${GENCERT_IMAGE:-eventstore/es-gencert-cli:1.3.0}"
# The database image and the api image both run as uid 1000: they must be able to read the files.
CONTAINER_UID="${CONTAINER_UID:-1000}"
NAMESPACE="${NAMESPACE:-npa}"

k8s=false force=false
for arg in "$@"; do
  case "$arg" in
    --k8s) k8s=true ;;
    --force) force=true ;;
    *) echo "usage: $0 [--k8s] [--force]" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")"
if $k8s; then
  out=certs-k8s
  nodes=(eventstoredb-0 eventstoredb-1 eventstoredb-2)
else
  out=certs
  nodes=(node1 node2 node3)
fi

if [[ -e "$out/ca/ca.crt" ]] && ! $force; then
  echo "$out/ already holds a CA; run with --force to replace every certificate" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"

gencert() {
  docker run --rm --user "$(id -u):$(id -g)" --volume "$PWD/$out:/certs" --workdir /certs "$IMAGE" "$@"
}

gencert create-ca -out /certs/ca
for node in "${nodes[@]}"; do
  if $k8s; then
    names="$node.eventstoredb.$NAMESPACE.svc.cluster.local,$node.eventstoredb.$NAMESPACE.svc,$node.eventstoredb,localhost"
  else
    names="$node,localhost"
  fi
  gencert create-node -ca-certificate /certs/ca/ca.crt -ca-key /certs/ca/ca.key \
    -out "/certs/$node" -dns-names "$names" -ip-addresses 127.0.0.1
done

chmod 0755 "$out" "$out"/*
chmod 0644 "$out"/*/*.crt
chmod 0600 "$out"/ca/ca.key "$out"/*/node.key

if $k8s; then
  args=(--from-file=ca.crt="$PWD/$out/ca/ca.crt")
  for node in "${nodes[@]}"; do
    args+=(--from-file="$node.crt=$PWD/$out/$node/node.crt" --from-file="$node.key=$PWD/$out/$node/node.key")
  done
  echo "certificates written to $PWD/$out; load them into the cluster with:"
  echo "  kubectl -n $NAMESPACE create secret generic eventstoredb-tls ${args[*]}"
  exit 0
fi

# The containers (uid 1000) read the node keys; hand them over when you are not uid 1000 yourself.
if [[ "$(id -u)" != "$CONTAINER_UID" ]]; then
  chown "$CONTAINER_UID" "$out"/node*/node.key 2>/dev/null || sudo chown "$CONTAINER_UID" "$out"/node*/node.key
fi
echo "certificates written to $PWD/$out:"
find "$out" -type f | sort
