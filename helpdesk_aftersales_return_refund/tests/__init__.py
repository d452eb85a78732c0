from . import (
    test_boundaries,
    test_loop,
    test_performance,
    test_return_refund,
    test_rpc,
    test_tour,
    test_translations,
)
