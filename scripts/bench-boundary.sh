#!/usr/bin/env bash
# Community boundary proposals on the demo cities: time and before/after quality (communities out
# of range and why, mean |deviation|, households moved, mean Polsby–Popper) of the change-minimising
# proposal, and in the same run the baseline that ignores today's boundaries. Prints the table and
# writes bench/results/boundary.md.
#   scripts/bench-boundary.sh [town district city]      (default: all three)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LIFECIRCLE_ROOT"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(town district city)
for size in "${sizes[@]}"; do
  case "$size" in town|district|city) ;; *) die "unknown size '$size' (town, district or city)" ;; esac
done
ensure_build_packages
./mvnw -B -q -ntp -Pbench -DskipTests -Dspotless.check.skip=true package -pl bench -am
mkdir -p bench/results
java -Xmx4g -cp bench/target/benchmarks.jar org.lifecircle.bench.BoundaryQuality \
  bench/results/boundary.md "${sizes[@]}"
