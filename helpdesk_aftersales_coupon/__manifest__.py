{
    "name": "Helpdesk After-Sales: Coupons",
    "version": "18.0.1.1.0",
    "summary": "Generate and send coupons from a helpdesk ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales", "sale_loyalty"],
    "data": [
        "security/ir.model.access.csv",
        "security/helpdesk_aftersales_coupon_security.xml",
        "wizard/helpdesk_sale_coupon_generate_views.xml",
        "wizard/helpdesk_coupon_share_views.xml",
        "views/loyalty_card_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_portal_templates.xml",
    ],
    "demo": ["demo/helpdesk_aftersales_coupon_demo.xml"],
    "assets": {
        "web.assets_tests": ["helpdesk_aftersales_coupon/static/tests/tours/**/*"],
    },
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_sale_loyalty"],
    "installable": True,
}
