# Community stand-in for the Odoo Enterprise "industry_fsm" (Field Service) app.
# Only the publicly documented names the After-Sales suite relies on; leave this
# folder out of the addons path on Odoo Enterprise.
{
    "name": "Field Service (Community stand-in)",
    "version": "18.0.1.0.0",
    "summary": "Field Service flag on projects and tasks for the After-Sales suite",
    "category": "Services/Field Service",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["project"],
    "data": ["views/project_views.xml"],
    "application": True,
    "installable": True,
}
