#!/usr/bin/env python3
"""CPU of one check, stage by stage, from a JFR recording of `vigil bench`'s steady phase.

  java @installer/jvm.options -XX:StartFlightRecording=delay=125s,duration=45s,settings=profile,filename=steady.jfr \
      -jar app/target/vigil.jar bench --endpoints 5000 --duration 60s
  bench/stages.py steady.jfr CHECKS_PER_SECOND

JFR's execution samples see only threads running Java code; on loopback most of a check's CPU is in the kernel
(a socket write runs the receiver's TCP stack too) and in SQLite's C code. So the breakdown starts from each
thread's CPU (jdk.ThreadCPULoad, user + system, every 10 s in the profile settings), maps threads to stages, and
splits a thread that serves several stages by its samples (execution samples, and native samples whose top frame
is SQLite's: it never blocks in this path). The JVM's own threads that JFR does not list (GC, the VM thread) are
the process's CPU (jdk.CPULoad) less the Java threads'. JFR's own threads are left out.
"""
import collections, json, re, subprocess, sys

STAGES = ["schedule", "HTTP", "evaluate", "state", "store", "notify", "JIT", "JVM (GC, VM thread)", "other"]


def frames(event):
    st = event["values"].get("stackTrace") or {}
    return [(f["method"]["type"]["name"].replace("/", "."), f["method"]["name"]) for f in st.get("frames", [])]


def stage_of_stack(stack):
    """The innermost frame that names a stage decides."""
    for cls, method in stack:
        if cls.startswith(("org.sqlite", "dev.vigil.store")):
            return "store"
        if cls.startswith("dev.vigil.evaluate"):
            return "evaluate"
        if cls.startswith(("dev.vigil.state", "dev.vigil.dedupe")) or (cls.startswith("dev.vigil.engine.Pipeline") and method != "afterCheck"):
            return "state"
        if cls.startswith(("dev.vigil.notify", "dev.vigil.engine.ChangeWatcher")) or method in ("checkCommitted", "publish", "afterCheck"):
            return "notify"
        if cls.startswith(("okhttp3", "okio", "dev.vigil.check")):
            return "HTTP"
        if cls.startswith(("org.quartz", "dev.vigil.schedule")):
            return "schedule"
    return None


def thread_stage(name):
    if name.startswith("JFR ") or name == "JFR Periodic Tasks":
        return None
    if "CompilerThread" in name or name == "Sweeper thread":
        return "JIT"
    if name.startswith("vigil_Worker") or name.startswith("vigil_QuartzSchedulerThread"):
        return "schedule"
    if name.startswith(("OkHttp", "Okio", "vigil-check-deadline")):
        return "HTTP"
    if name == "vigil-pipeline":
        return "state"
    if name == "vigil-housekeeping":
        return "notify"
    return "other"


def main():
    path, rate = sys.argv[1], float(sys.argv[2])
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events",
                          "jdk.ThreadCPULoad,jdk.CPULoad,jdk.ExecutionSample,jdk.NativeMethodSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    thread_cpu = collections.Counter()  # share of all cores, summed over periods
    jvm = []
    samples = collections.defaultdict(collections.Counter)
    for e in events:
        v, t = e["values"], e["type"]
        if t == "jdk.CPULoad":
            jvm.append(v["jvmUser"] + v["jvmSystem"])
        elif t == "jdk.ThreadCPULoad":
            thread_cpu[v["eventThread"]["javaName"]] += v["user"] + v["system"]
        else:
            stack = frames(e)
            if t == "jdk.NativeMethodSample" and not (stack and stack[0][0].startswith("org.sqlite")):
                continue
            s = stage_of_stack(stack)
            if s:
                samples[v["sampledThread"]["javaName"]][s] += 1
    periods = max(1, len(jvm))  # CPULoad comes once a second; ThreadCPULoad once per 10 s period per thread
    cores = __import__("os").cpu_count()
    seconds = len(jvm)
    # ThreadCPULoad: fraction of all cores over its period (10 s): CPU seconds = load * cores * 10
    per_stage = collections.Counter()
    java_total = 0.0
    for name, load in thread_cpu.items():
        st = thread_stage(name)
        secs = load * cores * 10
        if st is None:
            continue
        java_total += secs
        got = samples.get(name)
        if got and st in ("schedule", "HTTP", "state", "notify"):
            n = sum(got.values())
            for s, c in got.items():
                per_stage[s] += secs * c / n
        else:
            per_stage[st] += secs
    process = sum(jvm) * cores  # CPU seconds over the recording (one CPULoad a second)
    jfr_own = sum(load * cores * 10 for name, load in thread_cpu.items() if thread_stage(name) is None)
    per_stage["JVM (GC, VM thread)"] += max(0.0, process - java_total - jfr_own)
    checks = rate * seconds
    total = sum(per_stage.values())
    print(f"{seconds} s recorded, {checks:.0f} checks at {rate:g}/s; process {100 * process / seconds:.2f} % of a core"
          f" (JFR's own threads {100 * jfr_own / seconds:.2f} %, left out)")
    print(f"{'stage':<22}{'us/check':>10}{'share':>8}")
    for s in STAGES:
        if per_stage[s]:
            print(f"{s:<22}{1e6 * per_stage[s] / checks:>10.1f}{100 * per_stage[s] / total:>7.1f}%")
    print(f"{'all':<22}{1e6 * total / checks:>10.1f}")
    print("threads (CPU seconds):")
    for name, load in thread_cpu.most_common(15):
        print(f"  {load * cores * 10:7.3f}  {name}  {dict(samples.get(name, {}))}")


if __name__ == "__main__":
    main()
