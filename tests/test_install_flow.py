"""The real install flow: on a database with only the base module (and the
stand-ins), enabling each After-Sales setting installs its bridge at once.

Odoo forbids module installs inside its own tests, so this runs a script in
`odoo-bin shell` against a fresh database, as an administrator would."""

import os
import subprocess
import textwrap

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
    db = f"ha_flow_{os.getpid()}"
    devenv = platform_env["HA_DEVENV"]
    subprocess.run(
        ["python3", devenv, "db", db, "--modules", "helpdesk_aftersales"],
        check=True,
        env=platform_env,
        capture_output=True,
    )
    try:
        res = subprocess.run(
            ["python3", devenv, "odoo", "--db", db, "--", "shell", "--log-level=warn"],
            input=SCRIPT,
            capture_output=True,
            text=True,
            env=platform_env,
            timeout=900,
            check=False,
        )
        lines = [line for line in res.stdout.splitlines() if line.startswith("RESULT:")]
        assert lines, res.stdout[-3000:] + res.stderr[-3000:]
        import json

        out = json.loads(lines[-1][len("RESULT:") :])
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
        subprocess.run(["python3", devenv, "dropdb", db], env=platform_env, check=False)
