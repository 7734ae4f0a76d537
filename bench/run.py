"""``make bench``: vigie against a transformer baseline and offline peers, side by side, in one run.

Steps (each result also written to ``bench/results/<name>.json``; a table is printed):

1. the realistic mix (``bench/mix.py``, ``--posts`` posts) in ``bench/data/``; start-up: ``vigie analyze``
   on one post with an empty and then a warm regex cache (``vigie.text.regex_cache``);
2. ``vigie analyze MIX -o OUT`` end to end as a subprocess, (a) with the cascade on — the
   realistic case — and (b) with it off, so every post reaches the encoder (worst case):
   wall time, posts/s, peak RSS of the process; the share reaching the encoder is the
   cascade's own routing of the same posts;
3. single-post latency p50/p99 in-process (``Pipeline.run`` on one post at a time);
4. XLM-R-base with random weights in ``bench/.venv`` (``bench/xlmr.py``: compute cost only)
   on the first ``--xlmr-posts`` posts of the same mix;
5. peers that install offline (``hatesonar``) in ``bench/.venv``;
6. the Ray backfill (``vigie scan --engine ray``) over shards of the mix with 1 and 2 workers:
   posts/s and scaling efficiency (throughput with 2 workers / (2 × with 1)).

Heavy steps run one at a time (2 cores). ``--detectors`` overrides ``detection.detectors``
(e.g. ``vigie.lexicon`` when the encoder is unavailable; the results then say so).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
RESULTS = ROOT / "results"
DATA = ROOT / "data"
BENCH_PY = ROOT / ".venv" / "bin" / "python"
sys.path.insert(0, str(ROOT))


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, OMP_NUM_THREADS="2", OPENBLAS_NUM_THREADS="2", PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


def _tree_pss_mb(root: int) -> float:
    """Sum of PSS (proportional set size) over ``root`` and its descendants, in MB.

    PSS splits pages shared between processes (the forked workers share the model weights
    copy-on-write), so the sum is the memory the run really holds; summing RSS would count
    the shared weights once per worker."""
    pids, total, i = [root], 0, 0
    while i < len(pids):
        try:
            for task in Path(f"/proc/{pids[i]}/task").iterdir():
                pids.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
        i += 1
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run ``cmd``; wall seconds and the peak memory of its process tree in MB (sum of PSS,
    sampled every 0.2 s; falls back to the largest single RSS from wait4 where /proc has no PSS)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    out_chunks: list[str] = []
    err_chunks: list[str] = []

    def drain(stream: Any, into: list[str]) -> None:
        into.append(stream.read())

    readers = [
        threading.Thread(target=drain, args=(proc.stdout, out_chunks), daemon=True),
        threading.Thread(target=drain, args=(proc.stderr, err_chunks), daemon=True),
    ]
    for r in readers:
        r.start()
    while proc.poll() is None:
        peak = max(peak, _tree_pss_mb(proc.pid))
        time.sleep(0.2)
    dt = time.perf_counter() - t0
    for r in readers:
        r.join()
    mem = peak or resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out, err = "".join(out_chunks), "".join(err_chunks)
    return dt, mem, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def idle_share(seconds: float = 2.0) -> float | None:
    """Share of all cores' time that was idle over the next ``seconds`` (from /proc/stat; None elsewhere).

    Why: a benchmark on a machine where something else is running measures the neighbour.
    The previous ``summary.json`` had a 1-minute load average of 1.04 at start on 2 cores and
    read 437 posts/s for the realistic mix; the same command on an idle machine read 677 and
    690 (XLM-R-base 5.05 then, 6.9 idle). Each timed step records the idle share just before
    it starts, and the summary warns when it was under :data:`QUIET`."""

    def snapshot() -> tuple[int, int] | None:
        try:
            fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        except (OSError, ValueError):
            return None
        return fields[3] + fields[4], sum(fields)  # idle + iowait, total

    a = snapshot()
    time.sleep(seconds)
    b = snapshot()
    if a is None or b is None or b[1] == a[1]:
        return None
    return round((b[0] - a[0]) / (b[1] - a[1]), 3)


QUIET = 0.9
"""Idle share below which a step is reported as run on a busy machine."""


def _save(name: str, data: dict[str, Any]) -> dict[str, Any]:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return data


def _detector_env(detectors: str | None) -> dict[str, str]:
    return {"VIGIE_DETECTION__DETECTORS": json.dumps(detectors.split(","))} if detectors else {}


def analyze(mix: Path, cascade: bool, detectors: str | None, posts: int, workers: int) -> dict[str, Any]:
    out = DATA / f"analyze-{'cascade' if cascade else 'full'}.jsonl"
    env = _env(VIGIE_DETECTION__CASCADE="true" if cascade else "false", **_detector_env(detectors))
    cmd = [sys.executable, "-m", "vigie.cli", "analyze", str(mix), "-o", str(out), "--workers", str(workers)]
    idle = idle_share()
    dt, rss, proc = _timed(cmd, env)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip()[-2000:], "returncode": proc.returncode}
    lines = sum(1 for _ in out.open(encoding="utf-8"))
    return {
        "command": f"vigie analyze MIX -o OUT --workers {workers}",
        "cascade": cascade,
        "workers": workers,
        "posts": lines,
        "seconds": round(dt, 2),
        "posts_per_second": round(lines / dt, 1),
        "peak_memory_mb": round(rss, 1),
        "memory": "peak sum of PSS over the process tree (workers share the weights)",
        "includes": "process start-up, model loading, reading, scoring, deciding, writing JSONL",
        "idle_share_before": idle,
    }


def startup(mix: Path, workers: int) -> dict[str, Any]:
    """``vigie analyze`` on the mix's first post: wall seconds with an empty regex cache (the
    lexicon compiles every pattern: ``vigie.text.regex_cache``) and then with the cache it left."""
    import tempfile

    one = DATA / "one.jsonl"
    with mix.open(encoding="utf-8") as src:
        one.write_text(src.readline(), encoding="utf-8")
    out = DATA / "one-out.jsonl"
    cmd = [sys.executable, "-m", "vigie.cli", "analyze", str(one), "-o", str(out), "--workers", str(workers)]
    result: dict[str, Any] = {"command": f"vigie analyze ONE_POST -o OUT --workers {workers}"}
    with tempfile.TemporaryDirectory(prefix="vigie-bench-cache-") as cache:
        for key in ("cold_cache_seconds", "warm_cache_seconds"):
            dt, _rss, proc = _timed(cmd, _env(XDG_CACHE_HOME=cache))
            if proc.returncode != 0:
                return {"error": proc.stderr.strip()[-2000:], "returncode": proc.returncode}
            result[key] = round(dt, 2)
    return result


def routing(mix: Path) -> dict[str, Any]:
    """The cascade's routing of the mix: the share of posts that reach the encoder, per language.

    Timed apart: the first stage's clearance of every post, then the lexicon's veto on the posts it
    would clear (:meth:`vigie.cascade.CascadePipeline.route`; reason ``lexicon``)."""
    from collections import Counter

    from vigie.cascade import CascadePipeline
    from vigie.settings import load_settings
    from vigie.types import Post

    pipe = CascadePipeline.from_settings(load_settings(None, overrides={"detection": {"cascade": True}}))
    pipe.load()
    recs = [json.loads(line) for line in mix.open(encoding="utf-8")]
    texts = [r["text"] for r in recs]
    posts = [Post(str(r["id"]), r["text"]) for r in recs]
    t0 = time.perf_counter()
    languages = pipe.languages.detect_batch([t[:2000] for t in texts])
    t1 = time.perf_counter()
    stage_routes = pipe.first_stage.clearance(texts, languages)
    t2 = time.perf_counter()
    routes = pipe.lexicon_veto(posts, languages, stage_routes)
    t3 = time.perf_counter()
    by_lang: dict[str, Counter[str]] = {}
    for r, c in zip(recs, routes, strict=True):
        by_lang.setdefault(r["lang"], Counter())["cleared" if c.cleared else c.reason] += 1
    full = sum(not c.cleared for c in routes)
    violating_cleared = sum(c.cleared for r, c in zip(recs, routes, strict=True) if r["kind"] == "violating")
    return {
        "posts": len(recs),
        "share_reaching_encoder": round(full / len(recs), 4),
        "first_stage_posts_per_second": round(len(recs) / (t2 - t1), 1),
        "language_identification_posts_per_second": round(len(recs) / (t1 - t0), 1),
        "lexicon_veto": {
            "posts_checked": sum(c.cleared for c in stage_routes),
            "sent_on": sum(c.reason == "lexicon" for c in routes),
            "ms_per_post_checked": round(1000 * (t3 - t2) / max(1, sum(c.cleared for c in stage_routes)), 3),
        },
        "violating_cleared": violating_cleared,
        "by_language": {k: dict(v) for k, v in sorted(by_lang.items())},
    }


def latency(mix: Path, detectors: str | None, n: int = 300) -> dict[str, Any]:

    from vigie.pipeline import Pipeline
    from vigie.settings import load_settings
    from vigie.types import Post

    over: dict[str, Any] = {"detection": {"cascade": True}}
    if detectors:
        over["detection"]["detectors"] = detectors.split(",")
    pipe = Pipeline.from_settings(load_settings(None, overrides=over))
    pipe.load()
    recs = [json.loads(line) for _, line in zip(range(n), mix.open(encoding="utf-8"), strict=False)]
    times = []
    for r in recs:
        t0 = time.perf_counter()
        pipe.run(Post(r["id"], r["text"]))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {
        "posts": n,
        "p50_ms": round(times[n // 2], 2),
        "p99_ms": round(times[min(n - 1, int(n * 0.99))], 2),
        "cascade": True,
    }


def ensure_bench_venv() -> bool:
    if BENCH_PY.exists():
        return True
    subprocess.run([sys.executable, "-m", "venv", str(ROOT / ".venv")], check=True)
    r = subprocess.run([str(BENCH_PY), "-m", "pip", "install", "-q", "-r", str(ROOT / "requirements.txt")])
    return r.returncode == 0


def xlmr(mix: Path, n: int) -> dict[str, Any]:
    _dt, rss, proc = _timed([str(BENCH_PY), str(ROOT / "xlmr.py"), str(mix), "--n", str(n)], _env())
    if proc.returncode != 0:
        return {"error": proc.stderr.strip()[-2000:]}
    data: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    data["peak_memory_mb"] = round(rss, 1)
    return data


def hatesonar(mix: Path, n: int) -> dict[str, Any]:
    code = (
        "import json,sys,time;from hatesonar import Sonar;s=Sonar();"
        "t=[json.loads(l)['text'] for _,l in zip(range(int(sys.argv[2])),open(sys.argv[1]))];"
        "t0=time.perf_counter();[s.ping(text=x) for x in t];dt=time.perf_counter()-t0;"
        "print(json.dumps({'name':'hatesonar','posts':len(t),'seconds':round(dt,3),"
        "'posts_per_second':round(len(t)/dt,1)}))"
    )
    _dt, rss, proc = _timed([str(BENCH_PY), "-W", "ignore", "-c", code, str(mix), str(n)], _env())
    if proc.returncode != 0:
        return {"name": "hatesonar", "error": proc.stderr.strip()[-1500:]}
    data: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    data["peak_memory_mb"] = round(rss, 1)
    return data


def _drop_schema(url: str, schema: str) -> None:
    """Remove a benchmark run's schema from the PostgreSQL database it borrowed."""
    from sqlalchemy import text

    from vigie.store.engine import create_store_engine

    engine = create_store_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def ray_backfill(
    mix: Path, detectors: str | None, posts: int, shards: int = 8, store_url: str | None = None
) -> dict[str, Any]:
    """Backfill the same shards with 1 and 2 Ray workers into a fresh store each time.

    ``store_url`` (a PostgreSQL URL) puts both runs in their own fresh schema there; by default
    each run gets its own SQLite file (one writer at a time: it bounds the scaling)."""
    d = DATA / "shards"
    d.mkdir(parents=True, exist_ok=True)
    for old in d.glob("*.jsonl"):
        old.unlink()
    lines = [line for _, line in zip(range(posts), mix.open(encoding="utf-8"), strict=False)]
    per = len(lines) // shards + 1
    for i in range(shards):
        (d / f"part-{i:03d}.jsonl").write_text("".join(lines[i * per : (i + 1) * per]), encoding="utf-8")
    runs: dict[str, Any] = {}
    for workers in (1, 2):
        db = DATA / f"ray-{workers}.db"
        for p in DATA.glob(f"ray-{workers}.db*"):
            p.unlink()
        ck = DATA / f"ckpt-{workers}"
        if ck.exists():
            for p in ck.iterdir():
                p.unlink()
        extra: dict[str, str] = {}
        db_url = f"sqlite:///{db}"
        if store_url:
            extra["VIGIE_STORE__SCHEMA_NAME"] = f"bench_ray_{workers}_{int(time.time())}"
            db_url = store_url
        env = _env(VIGIE_DETECTION__CASCADE="true", **_detector_env(detectors), **extra)
        cmd = [
            sys.executable,
            "-m",
            "vigie.cli",
            "scan",
            "--engine",
            "ray",
            str(d / "*.jsonl"),
            "--workers",
            str(workers),
            "--checkpoint-dir",
            str(ck),
            "--db",
            db_url,
        ]
        dt, _rss, proc = _timed(cmd, env)
        if proc.returncode != 0:
            runs[str(workers)] = {"error": proc.stderr.strip()[-1500:]}
            continue
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        out["wall_seconds_with_startup"] = round(dt, 2)
        runs[str(workers)] = out
        if store_url:
            _drop_schema(store_url, extra["VIGIE_STORE__SCHEMA_NAME"])
    one, two = runs.get("1", {}), runs.get("2", {})
    eff = None
    if one.get("posts_per_second") and two.get("posts_per_second"):
        eff = round(two["posts_per_second"] / (2 * one["posts_per_second"]), 3)
    return {
        "posts": len(lines),
        "shards": shards,
        "runs": runs,
        "scaling_efficiency_2_workers": eff,
        "store": "PostgreSQL (fresh schema per run)" if store_url else "SQLite (WAL) on local disk",
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--posts", type=int, default=40_000)
    ap.add_argument("--xlmr-posts", type=int, default=320)
    ap.add_argument("--ray-posts", type=int, default=8_000)
    ap.add_argument("--detectors", default=None, help="comma-separated detection.detectors override")
    ap.add_argument("--ray-store", default=None, help="PostgreSQL URL for the Ray step (default: SQLite)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="vigie analyze --workers")
    ap.add_argument(
        "--skip", default="", help="comma-separated steps to skip: startup,analyze,latency,xlmr,peers,ray"
    )
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))
    from mix import write_mix

    mix = DATA / "mix.jsonl"
    composition = write_mix(mix, REPO.parent / "shared" / "data", a.posts)
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": os.getloadavg(),
        },
        "mix": composition,
        "detectors": a.detectors or "configured default",
    }
    results["routing"] = _save("routing", routing(mix))
    if "startup" not in skip:
        results["startup"] = _save("startup", startup(mix, a.workers))
    if "analyze" not in skip:
        for key, name, cascade in (
            ("realistic", "analyze_realistic", True),
            ("worst_case", "analyze_worst_case", False),
        ):
            results[key] = _save(name, analyze(mix, cascade, a.detectors, a.posts, a.workers))
    if "latency" not in skip:
        results["latency"] = _save("latency", latency(mix, a.detectors))
    have_bench = ("xlmr" not in skip or "peers" not in skip) and ensure_bench_venv()
    if have_bench and "xlmr" not in skip:
        results["xlmr"] = _save("xlmr_base", xlmr(mix, a.xlmr_posts))
    if have_bench and "peers" not in skip:
        results["hatesonar"] = _save("hatesonar", hatesonar(mix, 2000))
    if "ray" not in skip:
        ray = ray_backfill(mix, a.detectors, a.ray_posts, store_url=a.ray_store)
        results["ray"] = _save("ray_backfill", ray)
    base = results.get("xlmr", {}).get("posts_per_second")
    rows = []
    for key in ("realistic", "worst_case", "xlmr", "hatesonar"):
        r = results.get(key, {})
        pps = r.get("posts_per_second")
        ratio = round(pps / base, 1) if pps and base else None
        rows.append((key, pps, ratio, r.get("peak_memory_mb"), r.get("error", "")[:60]))
    _save("summary", results)
    print(f"{'run':<12} {'posts/s':>10} {'× XLM-R':>9} {'peak MB':>12}")
    for name, pps, ratio, rss, err in rows:
        print(f"{name:<12} {pps!s:>10} {ratio!s:>9} {rss!s:>12} {err}")
    print(f"share reaching the encoder (realistic mix): {results['routing']['share_reaching_encoder']}")
    idle = {k: results.get(k, {}).get("idle_share_before") for k in ("realistic", "worst_case")}
    busy = [k for k, v in idle.items() if v is not None and v < QUIET]
    if busy:
        print(f"WARNING: busy machine before {', '.join(busy)} (idle share < {QUIET}); rerun when quiet")
    if "startup" in results and "error" not in results["startup"]:
        st = results["startup"]
        cold, warm = st["cold_cache_seconds"], st["warm_cache_seconds"]
        print(f"start-up (one post): {cold} s with an empty regex cache, {warm} s warm")
    if "latency" in results:
        print(
            f"single-post latency: p50 {results['latency']['p50_ms']} ms, "
            f"p99 {results['latency']['p99_ms']} ms"
        )
    if "ray" in results:
        print(
            f"ray: {json.dumps({k: v.get('posts_per_second') for k, v in results['ray']['runs'].items()})}"
            f" efficiency {results['ray']['scaling_efficiency_2_workers']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
