# The Community platform the After-Sales suite ships with, in place of the Odoo
# Enterprise "industry_fsm" (Field Service) app (same technical name, no
# Enterprise code): the Field Service flag of projects and tasks, nothing more
# (readme/DESCRIPTION.md). On Odoo Enterprise "industry_fsm" itself takes its place.
{
    "name": "Field Service (Community stand-in)",
    "version": "18.0.1.0.0",
    "summary": "Community platform of the After-Sales suite: Field Service projects and tasks",
    "category": "Services/Field Service",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["project"],
    "data": ["views/project_views.xml"],
    "application": True,
    "installable": True,
}
