"""The real install flow: on a database with only the base module (and the
stand-ins), enabling each After-Sales setting installs its bridge at once.

Odoo forbids module installs inside its own tests, so this runs a script in
`odoo-bin shell` against a fresh database, as an administrator would."""

import textwrap

from .odoo_shell import OdooDatabase

SCRIPT = textwrap.dedent(
    """
    from odoo.exceptions import UserError
    from odoo.addons.helpdesk_aftersales.models.helpdesk_team import AFTERSALES_MODULES
    import json

    out = {}
    # A helpdesk manager who is not an administrator: clear error, nothing written.
    manager = env["res.users"].create({
        "name": "Manager", "login": "flow_manager",
        "groups_id": [(6, 0, env.ref("helpdesk.group_helpdesk_manager").ids)],
    })
    team = env["helpdesk.team"].create({"name": "Flow team"})
    try:
        team.with_user(manager).write({"use_credit_notes": True})
        out["refused"] = None
    except UserError as exc:
        out["refused"] = str(exc)
    env.invalidate_all()
    out["written_after_refusal"] = team.use_credit_notes
    env.cr.commit()
    team_id = team.id
    for field, module in AFTERSALES_MODULES.items():
        env["helpdesk.team"].browse(team_id).write({field: True})
        # The install reloaded the registry: look again with a fresh environment.
        env = odoo.api.Environment(env.cr, env.uid, {})
        state = env["ir.module.module"].search([("name", "=", module)]).state
        out[module] = [state, env["helpdesk.team"].browse(team_id)[field]]
    print("RESULT:" + json.dumps(out))
    """
)


def test_enabling_each_setting_installs_its_bridge(platform_env):
    # A copy of the cached database with only the base module of the suite.
    db = OdooDatabase(platform_env, "ha_flow", ["helpdesk_aftersales"])
    try:
        out = db.shell(SCRIPT, timeout=900)
        assert out["refused"] and "helpdesk_aftersales_refund" in out["refused"]
        assert out["written_after_refusal"] is False
        for module in (
            "helpdesk_aftersales_refund",
            "helpdesk_aftersales_coupon",
            "helpdesk_aftersales_return",
            "helpdesk_aftersales_repair",
            "helpdesk_aftersales_fsm",
        ):
            assert out[module] == ["installed", True], (module, out)
    finally:
        db.close()
