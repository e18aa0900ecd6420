#!/bin/bash
cd "$(dirname "$0")"
for lib in read-excel-file @e965/xlsx exceljs; do
  echo "$lib f-5000.xlsx $(REPS=5 timeout 300 node --max-old-space-size=2048 one.mjs $lib f-5000.xlsx 2>&1 | tail -1)"
  for f in f-notzip.xlsx f-damaged.xlsx f-formula.xlsx f-bomb.xlsx f-million.xlsx; do
    start=$(date +%s%N)
    out=$(timeout 120 node --max-old-space-size=2048 one.mjs $lib $f 2>&1 | tail -1); rc=$?
    echo "$lib $f rc=$rc wall=$(( ($(date +%s%N)-start)/1000000 ))ms ${out:0:200}"
  done
done
