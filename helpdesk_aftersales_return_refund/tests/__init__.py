from . import (
    test_boundaries,
    test_credit_on_receipt,
    test_credited_per_return,
    test_loop,
    test_loop_tour,
    test_performance,
    test_replacement_difference,
    test_return_refund,
    test_rpc,
    test_tour,
    test_translations,
)
