from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales_fsm.tests.test_access import FsmBoundaryCase


@tagged("post_install", "-at_install")
class TestFsmReportBoundaries(FsmBoundaryCase):
    """Issue 26: the worksheet template of a planned intervention stays in
    its company."""

    boundary_module = "helpdesk_aftersales_fsm_report"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["worksheet.template"].create(
            {"name": "A sheet", "company_id": cls.boundary_company_a.id}
        )

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()
