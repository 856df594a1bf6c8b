"""Generate a sample inbox and its truth.

    python -m samples.generate demo --inbox samples/inbox --truth samples/truth
    python -m samples.generate corpus --count 41 --level poor --inbox /tmp/inbox --truth /tmp/truth
"""

from __future__ import annotations

from pathlib import Path

import click

from .corpus import SAMPLE_REFERENCE, build_named, write_sample_reference
from .generator import DAMAGE


@click.command()
@click.argument("preset", type=click.Choice(["demo", "corpus", "reference"]))
@click.option("--inbox", type=click.Path(path_type=Path), default=Path("samples/inbox"), show_default=True)
@click.option("--truth", type=click.Path(path_type=Path), default=Path("samples/truth"), show_default=True)
@click.option("--level", type=click.Choice(sorted(DAMAGE)), default="office", show_default=True)
@click.option("--count", type=int, default=41, show_default=True, help="members in a corpus")
@click.option("--seed", type=int, default=7, show_default=True)
def main(preset: str, inbox: Path, truth: Path, level: str, count: int, seed: int) -> None:
    """Write PRESET: the demo inbox, a corpus over the members, or the sample reference."""
    if preset == "reference":
        write_sample_reference()
        click.echo(f"wrote {SAMPLE_REFERENCE}")
        return
    b = build_named(preset, inbox, truth, level=level, count=count, seed=seed)
    click.echo(f"wrote {len(list(inbox.iterdir()))} files to {inbox}, {len(b.truth)} documents in {truth}")


if __name__ == "__main__":
    main()
