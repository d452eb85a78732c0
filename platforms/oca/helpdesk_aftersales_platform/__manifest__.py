# The suite's answers on OCA's helpdesk_mgmt. Its twin,
# platforms/standin/helpdesk_aftersales_platform, gives the same answers on
# the helpdesk named "helpdesk" (the stand-in or Odoo Enterprise's app): one of
# the two is on an addons path, never both (docs/ARCHITECTURE.md).
# AGPL-3: it depends on helpdesk_mgmt (AGPL-3), and so does the suite installed
# on it (README: which licence applies on which platform).
{
    "name": "Helpdesk After-Sales: Helpdesk Platform (OCA Helpdesk Management)",
    "version": "18.0.1.0.0",
    "summary": "What the After-Sales suite needs of the helpdesk it runs on "
    "(OCA Helpdesk Management)",
    "category": "Services/Helpdesk",
    "license": "AGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_mgmt"],
    "data": [
        "security/helpdesk_aftersales_platform_security.xml",
        "views/helpdesk_aftersales_platform_views.xml",
        "views/helpdesk_aftersales_platform_menus.xml",
        "views/helpdesk_aftersales_platform_templates.xml",
    ],
    # The other helpdesk: both define helpdesk.ticket, they never meet.
    "excludes": ["helpdesk"],
    "installable": True,
}
