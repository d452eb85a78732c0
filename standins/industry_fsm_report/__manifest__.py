# The Community platform the After-Sales suite ships with, in place of the Odoo
# Enterprise "industry_fsm_report" (worksheets; same technical name, no
# Enterprise code): worksheet templates of projects and tasks, nothing more
# (readme/DESCRIPTION.md). On Odoo Enterprise "industry_fsm_report" itself takes
# its place.
{
    "name": "Field Service Worksheets (Community stand-in)",
    "version": "18.0.1.0.0",
    "summary": "Community platform of the After-Sales suite: Field Service worksheet templates",
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
