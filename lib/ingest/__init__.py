"""Getting evaluators' files in: CSV/XLSX reading, column recognition, validation, import, undo.

Typical use (the page and the CLI do exactly this)::

    prepared = prepare_upload(data, "skm.csv", "survei", engine, ImportOptions(unit_code="PKM-BLW"))
    prepared.problems            # every problem, with Excel row, column, value, expected
    result = import_upload(engine, prepared, user="evaluator")
    undo_import(engine, result.batch_id)
"""

from lib.ingest.batches import (
    ImportResult,
    UndoRefused,
    find_repeat,
    import_upload,
    list_imports,
    undo_import,
)
from lib.ingest.kinds import KINDS, kind_spec
from lib.ingest.pipeline import PreparedUpload, prepare_upload
from lib.ingest.problems import Problem, problems_frame
from lib.ingest.schemas import ImportOptions

__all__ = [
    "KINDS",
    "ImportOptions",
    "ImportResult",
    "PreparedUpload",
    "Problem",
    "UndoRefused",
    "find_repeat",
    "import_upload",
    "kind_spec",
    "list_imports",
    "prepare_upload",
    "problems_frame",
    "undo_import",
]
