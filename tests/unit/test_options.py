"""interop.options: the one rule for targets and timeouts, which the caller and the inspector share."""

import pytest

from interop import options


@pytest.mark.parametrize("response, wait", [(1, 0), (10_000, 3_000), (300_000, 300_000)])
def test_opts001_whole_milliseconds_in_range_are_options(response, wait):
    assert options.build_options(response, wait) == (
        {"methodResponseTimeoutMs": response, "waitTimeoutMs": wait},
        None,
    )


@pytest.mark.parametrize(
    "response, wait", [(None, 0), (0, 0), (1, -1), (1.5, 0), (True, 0), (300_001, 0), (1, 300_001), ("10", 0)]
)
def test_opts002_anything_else_is_refused_and_nothing_is_sent(response, wait):
    assert options.build_options(response, wait) == (None, f"{options.BAD_TIMEOUT} {options.NOTHING_SENT}")


def test_opts003_targets_and_invocation_ids():
    assert [options.checked_target(t) for t in options.TARGETS] == list(options.TARGETS)
    assert options.checked_target("everyone") == options.checked_target(None) == options.DEFAULT_TARGET == "best"
    ids = {options.new_invocation_id() for _ in range(100)}
    assert len(ids) == 100 and all(isinstance(i, str) and i for i in ids)
