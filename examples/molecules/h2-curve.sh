#!/usr/bin/env bash
# H2 dissociation curve in STO-3G: RHF, UHF, full CI and VMC against the bond length
# R = 0.5 ... 3.0 Å in steps of 0.1 Å. Each point writes an XYZ, runs `nqs integrals` twice (RHF
# with --fci, then --uhf; FCI is the same in either orbital basis) and `nqs run` on h2.yaml's
# settings (the complex Jordan-Wigner RBM, summed exactly over the 4 determinants). Output: CSV on
# stdout,
#   R_angstrom,E_RHF,E_UHF,E_FCI,E_VMC,VMC_minus_FCI_mHa
# Usage (from the repository root): examples/molecules/h2-curve.sh > h2-curve.csv
# (`nqs sweep examples/molecules/h2-curve.yaml` sweeps the bond length as a config key and plots VMC,
# FCI and RHF; this script adds UHF.)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "R_angstrom,E_RHF,E_UHF,E_FCI,E_VMC,VMC_minus_FCI_mHa"
for r in $(seq 0.5 0.1 3.0); do
  printf '2\nH2, r = %s A\nH 0 0 0\nH 0 0 %s\n' "$r" "$r" > "$work/h2.xyz"
  rhf=$("$here/nqs" integrals "$work/h2.xyz" --basis sto-3g --out "$work/h2.fcidump" --fci)
  uhf=$("$here/nqs" integrals "$work/h2.xyz" --basis sto-3g --out "$work/h2-uhf.fcidump" --uhf)
  e_rhf=$(awk '$1 == "E_HF" && $2 == "(RHF)" {print $3}' <<< "$rhf")
  e_fci=$(awk '$1 == "E_FCI" {print $2}' <<< "$rhf")
  e_uhf=$(awk '$1 == "E_HF" && $2 == "(UHF)" {print $3}' <<< "$uhf")
  sed -e "s|^name: .*|name: h2-r$r|" -e "s|xyz: h2.xyz|xyz: $work/h2.xyz|" "$here/examples/molecules/h2.yaml" > "$work/h2.yaml"
  "$here/nqs" run "$work/h2.yaml" --out "$work/run" --force > /dev/null
  e_vmc=$(sed -n 's/.*"energy":{"mean":\([-0-9.eE]*\).*/\1/p' "$work/run/summary.json" | head -1)
  echo "$r,$e_rhf,$e_uhf,$e_fci,$e_vmc,$(awk -v v="$e_vmc" -v f="$e_fci" 'BEGIN {printf "%.4f", 1e3 * (v - f)}')"
done
