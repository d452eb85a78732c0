# Community stand-in for the Odoo Enterprise "industry_fsm_report" (worksheets).
# Only the publicly documented names the After-Sales suite relies on; leave this
# folder out of the addons path on Odoo Enterprise.
{
    "name": "Field Service Worksheets (Community stand-in)",
    "version": "18.0.1.0.0",
    "summary": "Worksheet templates on Field Service projects and tasks",
    "category": "Services/Field Service",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["industry_fsm"],
    "data": [
        "security/ir.model.access.csv",
        "security/worksheet_security.xml",
        "views/worksheet_template_views.xml",
    ],
    "installable": True,
}
