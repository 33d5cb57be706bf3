"""Settings shared by the test suite."""
from hypothesis import settings

# No per-example deadline: speed targets live in benchmarks/, and on a loaded machine hypothesis's default
# 200 ms deadline fails property tests that are correct.
settings.register_profile("ocrfix", deadline=None)
settings.load_profile("ocrfix")
