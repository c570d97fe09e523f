"""hosting.glue42_bundle: the one statement it changes in dash_glue42's bundle, and when it changes nothing."""

from hosting.glue42_bundle import EAGER_PLATFORM, LAZY_PLATFORM, lazy_platform, served_copy

BUNDLE = "/*! x */\n!function(){" + EAGER_PLATFORM + "fl=1;use(pl.Z)}();\n//# sourceMappingURL=dash_glue42.min.js.map"


def test_gbnd001_the_platform_module_is_required_when_its_factory_is_read():
    assert lazy_platform(BUNDLE) == "/*! x */\n!function(){" + LAZY_PLATFORM + "fl=1;use(pl.Z)}();"


def test_gbnd002_a_bundle_without_the_statement_once_is_left_to_the_library():
    assert lazy_platform(BUNDLE.replace(EAGER_PLATFORM, "")) is None
    assert lazy_platform(BUNDLE + EAGER_PLATFORM) is None


def test_gbnd003_the_pinned_dash_glue42_is_the_bundle_this_was_written_for():
    # Fails on a dash_glue42 upgrade: every app would evaluate the web platform again (see the module).
    name, data, digest = served_copy()
    assert name.startswith("dash_glue42.v1.5.0.") and digest in name
    assert LAZY_PLATFORM.encode() in data
