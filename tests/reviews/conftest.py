# The register's tree with district boards, and its users.
from tests.documents.conftest import cell_reporter, officer_a, officer_b, units  # noqa: F401
