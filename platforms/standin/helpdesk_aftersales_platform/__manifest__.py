# The suite's answers on the helpdesk named "helpdesk": the Community stand-in
# (standins/helpdesk) or Odoo Enterprise's app, which share their technical
# names. Its twin, platforms/oca/helpdesk_aftersales_platform, gives the same
# answers on OCA's helpdesk_mgmt: one of the two is on an addons path, never
# both (docs/ARCHITECTURE.md).
{
    "name": "Helpdesk After-Sales: Helpdesk Platform",
    "version": "18.0.1.0.0",
    "summary": "What the After-Sales suite needs of the helpdesk it runs on (Helpdesk)",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk"],
    "data": [
        "security/helpdesk_aftersales_platform_security.xml",
        "views/helpdesk_aftersales_platform_views.xml",
        "views/helpdesk_aftersales_platform_menus.xml",
        "views/helpdesk_aftersales_platform_templates.xml",
    ],
    # The other helpdesk: both define helpdesk.ticket, they never meet.
    "excludes": ["helpdesk_mgmt"],
    # Refuses the stand-in of 18.0.1.0.0, whose pages this module's extend.
    "pre_init_hook": "pre_init_hook",
    "installable": True,
}
