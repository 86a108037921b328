#!/usr/bin/env bash
# Slurm smoke test of the README's array recipe (issue 18, item 18), on this machine as root:
# installs Debian's slurm-wlm and munge when missing, starts a one-node cluster, runs
# 'cleaner batch --shard K/4 --resume' as a 4-task array over a generated crawl, cancels one task
# on the way (scancel), resubmits it with --resume, and checks that the shards together equal the
# unsharded run (the same lines; shard files are merged by concatenation, so in shard order).
# Prints "slurm-smoke: PASS" or "slurm-smoke: FAIL ..." and exits 0 or 1.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d /tmp/slurm-smoke.XXXXXX)
fail() { echo "slurm-smoke: FAIL $*"; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  # A fresh machine may have no package index yet: fetch it when the packages are not known.
  apt-cache show slurm-wlm >/dev/null 2>&1 || apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

# munge: a key, and the daemon.
if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
mkdir -p /run/munge && chown munge:munge /run/munge
pgrep -x munged >/dev/null || su -s /bin/sh munge -c /usr/sbin/munged

# A one-node cluster: this machine, all its cores, tasks may share them.
host=$(hostname -s)
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > /etc/slurm/slurm.conf <<EOF
ClusterName=smoke
SlurmctldHost=$host
AuthType=auth/munge
SlurmUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=smoke Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
EOF
pgrep -x slurmctld >/dev/null || slurmctld
pgrep -x slurmd >/dev/null || slurmd
for _ in $(seq 60); do sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mix|alloc' && break; sleep 1; done
sinfo -h -o %T | grep -qE 'idle|mix|alloc' || fail "the node did not come up (see /var/log/slurm)"

# The CLI, and a generated crawl (every 41st record malformed, so the errors files have lines).
dotnet build src/Cleaner.Cli -c Release -v q -nologo >/dev/null
cli=$repo/src/Cleaner.Cli/bin/Release/net10.0/Cleaner.Cli
python3 - "$work/crawl.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(30000):
        if i % 41 == 7:
            f.write('{"id":%d,"text":\n' % i)
            continue
        para = lambda s: f"The council said on Tuesday that {s} would be discussed at the next public meeting, and residents were invited to speak."
        f.write(json.dumps({"id": i, "url": f"http://example.com/{i}", "text": f"Story {i}\n{para(f'plan {i}')}\nShare this\n{para(f'road {i * 7}')}"}) + "\n")
EOF

"$cli" batch "$work/crawl.jsonl" --out "$work/whole.jsonl" --errors "$work/whole-errors.jsonl" --parallel 2 >/dev/null 2>&1 || true

# The README's array recipe, with --resume.
cat > "$work/task.sh" <<EOF
#!/bin/bash
#SBATCH --array=0-3 --cpus-per-task=1 --output=$work/slurm-%A_%a.log
exec "$cli" batch "$work/crawl.jsonl" --shard \$SLURM_ARRAY_TASK_ID/4 --parallel 1 --resume \\
  --out "$work/part-\$SLURM_ARRAY_TASK_ID.jsonl" --errors "$work/errors-\$SLURM_ARRAY_TASK_ID.jsonl"
EOF
job=$(sbatch --parsable "$work/task.sh")
# Cancel task 2 once it has written a checkpoint, then resubmit it.
for _ in $(seq 120); do [ -e "$work/.part-2.jsonl.resume" ] && break; sleep 0.5; done
[ -e "$work/.part-2.jsonl.resume" ] || fail "task 2 wrote no checkpoint"
scancel --signal=KILL "${job}_2"
for _ in $(seq 120); do squeue -h -j "$job" | grep -q . || break; sleep 1; done
[ -e "$work/part-2.jsonl" ] && fail "task 2 finished before it was cancelled (make the crawl larger)"
# Exit code 1 is expected: the crawl has malformed records.
sbatch --parsable --wait --array=2 "$work/task.sh" >/dev/null || true
grep -h "resuming after" "$work"/slurm-*_2.log >/dev/null || fail "the resubmitted task did not resume"

for k in 0 1 2 3; do [ -e "$work/part-$k.jsonl" ] || fail "part-$k.jsonl missing"; done
cmp <(cat "$work"/part-{0,1,2,3}.jsonl | sort) <(sort "$work/whole.jsonl") || fail "the shards differ from the unsharded output"
cmp <(cat "$work"/errors-{0,1,2,3}.jsonl | sort) <(sort "$work/whole-errors.jsonl") || fail "the shards' errors differ from the unsharded errors"
echo "slurm-smoke: PASS ($(wc -l < "$work/whole.jsonl") records, 4 tasks, task 2 killed and resumed)"
rm -rf "$work"
