#!/usr/bin/env python3
"""Validates OSCAL JSON files against NIST's OSCAL models as compliance-trestle implements them.

Usage: validate_oscal.py FILE...

Each file is read with the trestle model of its root (system-security-plan,
plan-of-action-and-milestones, catalog, profile). A resource embedded in a back-matter (base64,
as the project's SSP carries its profile and the profile its catalog) is decoded and validated
the same way, so every OSCAL document the project writes is checked, and so is its
`oscal-version` (trestle's models themselves accept any). Any failure is printed
with the file and trestle's reason, and the exit status is 1; unknown roots fail too. Run it in
the virtual environment `scripts/ensure-tools trestle` creates (.tools/trestle-venv).
"""

import base64
import json
import re
import sys

from trestle.oscal import OSCAL_VERSION, OSCAL_VERSION_REGEX
from trestle.oscal.catalog import Catalog
from trestle.oscal.poam import PlanOfActionAndMilestones
from trestle.oscal.profile import Profile
from trestle.oscal.ssp import SystemSecurityPlan

MODELS = {
    "system-security-plan": SystemSecurityPlan,
    "plan-of-action-and-milestones": PlanOfActionAndMilestones,
    "catalog": Catalog,
    "profile": Profile,
}
OSCAL_MEDIA = ("application/oscal.", "application/json")


def validate(name, document, done):
    """Validates one parsed document and, recursively, the OSCAL documents embedded in it."""
    if not isinstance(document, dict) or len(document) != 1:
        raise ValueError(f"{name}: not one OSCAL root object")
    (root, body), = document.items()
    model = MODELS.get(root)
    if model is None:
        raise ValueError(f"{name}: unknown OSCAL root {root!r}")
    model.model_validate(body)
    # trestle's models accept any version string (their check is switched off): check it here.
    version = body["metadata"]["oscal-version"]
    if not re.match(OSCAL_VERSION_REGEX, version):
        raise ValueError(f"{name}: oscal-version {version} is not one trestle models ({OSCAL_VERSION_REGEX})")
    done.append(f"{name} ({root})")
    for resource in (body.get("back-matter") or {}).get("resources") or []:
        embedded = resource.get("base64")
        if not embedded or not str(embedded.get("media-type", "")).startswith(OSCAL_MEDIA):
            continue
        inner = json.loads(base64.b64decode(embedded["value"], validate=True))
        validate(f"{name} > {embedded.get('filename', resource['uuid'])}", inner, done)


def main(paths):
    if not paths:
        print("validate_oscal.py: no file named", file=sys.stderr)
        return 2
    done, failed = [], []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                validate(path, json.load(f), done)
        except Exception as e:  # noqa: BLE001 - every failure is reported, none is fatal here
            failed.append(f"{path}: {type(e).__name__}: {e}")
    for line in done:
        print(f"valid OSCAL {OSCAL_VERSION}: {line}")
    for line in failed:
        print(f"INVALID: {line}", file=sys.stderr)
    print(f"validate_oscal.py: {len(done)} documents valid, {len(failed)} files failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
