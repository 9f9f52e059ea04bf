"""No secret lives in the repository: keys come from the environment (cms/env.py), and the only
keys written in the code are the dev and test ones, which production refuses to start without
replacing."""

import re
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# Shapes of credentials that must never be committed.
SECRET_PATTERNS = {
    "AWS access key id": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "private key": re.compile(r"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "DeepL API key": re.compile(
        r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:fx\b"),
    "URL with a password": re.compile(
        r"\b(postgres(ql)?|redis|rediss|smtp|amqp|mysql)://[^\s:/@'\"]+:[^\s@'\"{}<>]{6,}@"),
    "SECRET_KEY written in": re.compile(r"""^\s*SECRET_KEY\s*=\s*["'][^"']+["']""", re.M),
}
# Files that hold credentials by nature, whatever is in them.
SECRET_FILE_NAMES = re.compile(r"(^|/)(\.env(\..+)?|id_rsa|id_ed25519|.*\.pem|.*\.p12|.*\.key)$")
# The test settings and the benchmark harness carry keys that say what they are (the dev key is
# only a fallback for an unset SECRET_KEY); nothing else may.
ALLOWED = {
    ("SECRET_KEY written in", "cms/settings/test.py"),
    ("SECRET_KEY written in", "benchmarks/run.py"),
}


def files_to_be_committed():
    """Tracked files and new files git would add (ignored files such as .env stay out)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=BASE_DIR, capture_output=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: nothing says which files would be committed")
    return [name for name in listed.decode().split("\0") if name]


def test_no_credential_is_committed():
    found = []
    for name in files_to_be_committed():
        if SECRET_FILE_NAMES.search(name):
            found.append(f"{name}: a file that holds credentials")
            continue
        path = BASE_DIR / name
        if not path.is_file():
            continue  # deleted in the work tree
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary: images, fonts, PDFs
        for label, pattern in SECRET_PATTERNS.items():
            if (label, name) in ALLOWED:
                continue
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{name}:{line}: {label}")
    assert found == [], "Secrets in the repository:\n" + "\n".join(found)


def test_the_detector_recognises_what_it_looks_for():
    # Assembled here so that this file itself holds none of them.
    samples = {
        "AWS access key id": "AKIA" + "Q" * 16,
        "private key": "-----BEGIN RSA " + "PRIVATE KEY-----",
        "GitHub token": "ghp_" + "a1" * 18,
        "URL with a password": "postgres://jcmi:" + "hunter2hunter2" + "@db.example/jcmi",
        "SECRET_KEY written in": "SECRET_KEY = " + repr("x" * 50),
    }
    for label, sample in samples.items():
        assert SECRET_PATTERNS[label].search(sample), label
    assert SECRET_FILE_NAMES.search("deploy/.env.production")
    assert not SECRET_FILE_NAMES.search("cms/env.py")
