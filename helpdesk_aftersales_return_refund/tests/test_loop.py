from odoo.tests import tagged

from .common import ReturnRefundCase


@tagged("post_install", "-at_install")
class TestReturnRefundLoopStep(ReturnRefundCase):
    """A received return is "Credited" once its ticket's credit note is
    posted."""

    def steps(self):
        self.env.invalidate_all()
        rows = self.ticket.with_user(self.accountant_agent)._aftersales_loop_rows()
        return [row["label"] for row in rows]

    def test_received_then_credited(self):
        self.sell(2)
        self.dialog(self.accountant_agent).save().action_create_returns_and_refunds()
        returned = self.returns()
        self.assertEqual(self.steps(), ["Authorised"])
        returned.move_ids.picked = True
        self.assertIs(returned.button_validate(), True)
        self.assertEqual(self.steps(), ["Received"], "the credit note is a draft")
        self.credit_notes().with_user(self.accountant_agent).action_post()
        self.assertEqual(self.steps(), ["Credited"])
