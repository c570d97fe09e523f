from interop.answer import INTERNAL_ERROR, InvocationError, answer


def test_answ001_success_carries_invocation_id():
    result = answer({"invocationId": "i1", "args": {"x": 1}}, lambda args, caller: {"echo": args["x"]})
    assert result == {"invocationId": "i1", "invocationResult": {"echo": 1}}


def test_answ002_invocation_error_becomes_error_result():
    def compute(args, caller):
        raise InvocationError("nope")

    assert answer({"invocationId": "i2", "args": {}}, compute) == {"invocationId": "i2", "error": {"message": "nope"}}


def test_answ003_unexpected_exception_is_answered_without_details(caplog):
    def compute(args, caller):
        raise RuntimeError("secret internals")

    result = answer({"invocationId": "i3", "args": {}}, compute)
    assert result == {"invocationId": "i3", "error": {"message": INTERNAL_ERROR}}
    assert "secret internals" not in str(result)
    assert "i3" in caplog.text  # logged on the server side


def test_answ004_non_object_args_are_refused():
    for args in (None, [1, 2], "a"):
        result = answer({"invocationId": "i4", "args": args}, lambda a, c: {})
        assert result["invocationId"] == "i4"
        assert "error" in result


def test_answ005_caller_is_passed_through():
    seen = {}
    answer(
        {"invocationId": "i5", "args": {}, "caller": {"application": "Caller"}},
        lambda a, c: seen.setdefault("caller", c) and {},
    )
    assert seen["caller"] == {"application": "Caller"}
