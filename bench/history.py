"""Ten years of one group's quarterly sessions, played through the real actions.

The benchmarks load this history to measure what a long-lived group costs: 40 sessions of
3 rounds, every step filled with realistic French text.
"""

from __future__ import annotations

import random
from datetime import date

from app.actions import apply, parse
from app.model import Workspace

MEMBERS = ("Alice Martin", "Bruno Lefèvre", "Chloé Dubois", "David Nguyen", "Émilie Moreau", "Farid Benali")
SITUATIONS = (
    "Recadrer un collaborateur expérimenté qui conteste mes décisions en réunion",
    "Conduire la fusion de deux équipes aux cultures très différentes",
    "Annoncer une réorganisation sans avoir toutes les réponses",
    "Dire non à ma direction sur un calendrier irréaliste",
    "Retrouver la confiance d'une équipe après un départ conflictuel",
    "Déléguer davantage sans perdre la maîtrise de la qualité",
    "Gérer un conflit entre deux cheffes de projet",
    "Accompagner un agent en difficulté sans me substituer au médecin du travail",
)
DETAILS = (
    "Depuis trois mois, la tension monte à chaque comité et l'équipe attend que je tranche.",
    "J'ai déjà essayé un entretien individuel, sans effet durable ; je crains de perdre en crédibilité.",
    "Les enjeux sont forts : un budget serré, des délais fixés par le siège et une équipe fatiguée.",
    "Je me sens pris entre la loyauté envers ma hiérarchie et la protection de mon équipe.",
)
QUESTIONS = (
    "Qu'est-ce qui te fait dire que l'équipe attend que tu tranches ?",
    "Comment ta hiérarchie perçoit-elle la situation ?",
    "Qu'as-tu déjà dit explicitement à la personne concernée ?",
    "Que se passerait-il si tu ne faisais rien pendant un mois ?",
    "Qui d'autre pourrait être un allié dans cette situation ?",
    "Quel serait pour toi un bon résultat dans six mois ?",
)
REFORMULATIONS = (
    "Ton problème est de poser un cadre clair sans casser la relation.",
    "Tu cherches comment rester légitime face à quelqu'un de plus expérimenté que toi.",
    "Tu te demandes jusqu'où protéger ton équipe des décisions du siège.",
    "L'enjeu pour toi est de décider seul quand le consensus n'est pas possible.",
)
INTERVENTIONS = (
    ("conseils", "À ta place, je proposerais un entretien de recadrage avec des faits datés."),
    ("temoignages", "J'ai vécu une situation proche : c'est le binôme avec les RH qui a débloqué les choses."),
    ("hypotheses", "Et si sa contestation traduisait une demande de reconnaissance de son expertise ?"),
    ("avis", "Je pense que l'équipe a surtout besoin que tu nommes le problème en réunion."),
    ("ressources", "Le livre de Marshall Rosenberg sur la communication non violente m'a beaucoup aidé."),
)
SYNTHESES = (
    "Je retiens l'idée de nommer le désaccord en réunion et de le traiter ensuite en entretien.",
    "Je garde l'hypothèse de la reconnaissance : je vais lui confier une mission d'expertise.",
)
ACTIONS = (
    "Planifier un entretien individuel avec des faits précis",
    "Présenter la nouvelle organisation en réunion d'équipe",
    "Rencontrer la DRH pour clarifier mes marges de manœuvre",
    "Écrire les règles de fonctionnement avec l'équipe",
)
LEARNINGS = (
    "Je repars avec l'envie de questionner davantage avant de conseiller.",
    "Je réalise que je protège trop mon équipe des décisions difficiles.",
    "La reformulation m'a montré combien je confondais le problème et la solution.",
)
EVALUATIONS = (
    "Séance riche, un bon rythme ; l'exploration était un peu courte.",
    "Le cadre était clair, merci pour le respect du temps.",
)


class Player:
    """Plays actions with a clock that moves forward."""

    def __init__(self, device: str = "d-history") -> None:
        self.ws = Workspace()
        self.now = 1_483_264_800_000  # 2017-01-01
        self.device = device

    def __call__(self, **action: object) -> None:
        self.now += 20_000
        self.ws = apply(self.ws, parse(action), now=self.now, device=self.device)


def _quarters(count: int) -> list[str]:
    return [date(2017 + i // 4, 3 * (i % 4) + 1, 15).isoformat() for i in range(count)]


def ten_years(seed: int = 0, sessions: int = 40, rounds: int = 3) -> Workspace:
    rng = random.Random(seed)
    play = Player()
    members = [{"id": f"m{i}", "name": name} for i, name in enumerate(MEMBERS)]
    play(type="create_group", id="g", name="Cadres de santé — Grand Est", kind="cross", members=members)
    ids = [m["id"] for m in members]
    for s, day in enumerate(_quarters(sessions)):
        sid = f"s{s}"
        play(type="start_session", id=sid, group_id="g", date=day, place="Salle Vauban", planned_rounds=rounds)
        play(type="acknowledge_charter", session_id=sid, date=day)
        for item in play.ws.open_action_items("g", before_session=sid):
            status = rng.choice(("done", "in_progress", "dropped"))
            play(type="update_action_item", id=item.id, session_id=sid, status=status, comment="Fait en partie.")
        if play.ws.sessions[sid].stage == "followup":
            play(type="finish_followup", session_id=sid)
        for r in range(rounds):
            _round(play, rng, sid, f"{sid}r{r}", ids, first=r == 0)
        play(type="start_evaluation", session_id=sid)
        for member in ids:
            play(type="add_entry", id=f"{sid}e{member}", session_id=sid, kind="evaluation", author_id=member,
                 text=rng.choice(EVALUATIONS), rating=rng.randint(3, 5))
        play(type="set_next_session", session_id=sid, date=_quarters(sessions + 1)[s + 1], place="Salle Vauban")
        play(type="finish_session", session_id=sid)
    return play.ws


def _round(play: Player, rng: random.Random, sid: str, rid: str, ids: list[str], *, first: bool) -> None:
    if first:
        play(type="start_round", session_id=sid, id=rid)
        pending = {p.member_id for p in play.ws.parking_lot("g")}  # their problem still waits: no second one
        for member in ids:
            if member not in pending:
                play(type="add_pitch", id=f"{sid}p{member}", session_id=sid, member_id=member,
                     title=rng.choice(SITUATIONS), text=rng.choice(DETAILS))
        play(type="next_step", round_id=rid)
        pitches = play.ws.pitches_of(sid)
        for member in ids:
            play(type="toggle_vote", id=f"{rid}v{member}", pitch_id=rng.choice(pitches).id, member_id=member)
        chosen = max(pitches, key=lambda p: len(play.ws.votes_for(p.id)))
        play(type="choose_pitch", round_id=rid, pitch_id=chosen.id)
    else:
        waiting = sorted(play.ws.parking_lot("g"), key=lambda p: (p.created, p.id))  # the longest waiting first
        play(type="start_round", session_id=sid, id=rid, pitch_id=waiting[0].id)
    carrier = play.ws.rounds[rid].carrier_id
    consultants = [m for m in ids if m != carrier]
    steps = {step.key for step in play.ws.sessions[sid].protocol.steps}

    def say(kind: str, author: str, text: str, n: int, **extra: object) -> str:
        entry_id = f"{rid}{kind[:3]}{n}"
        play(type="add_entry", id=entry_id, session_id=sid, round_id=rid, kind=kind, author_id=author, text=text, **extra)
        return entry_id

    assert "expose" in steps
    play(type="go_to_step", round_id=rid, step=2)
    say("note", carrier, " ".join(rng.sample(DETAILS, 3)), 0)
    play(type="next_step", round_id=rid)
    for n in range(8):
        question = say("question", consultants[n % len(consultants)], rng.choice(QUESTIONS), n)
        play(type="edit_entry", id=question, answered=True)
    play(type="next_step", round_id=rid)
    chosen = [say("reformulation", c, rng.choice(REFORMULATIONS), n) for n, c in enumerate(consultants)][0]
    play(type="next_step", round_id=rid)
    play(type="choose_reformulation", round_id=rid, entry_id=chosen)
    play(type="set_contract", round_id=rid, request_types=["conseils", "temoignages"],
         request="J'aimerais vos conseils et vos expériences de situations proches.")
    play(type="next_step", round_id=rid)
    for n in range(10):
        help_type, text = rng.choice(INTERVENTIONS)
        say("intervention", consultants[n % len(consultants)], text, n, help_type=help_type)
    play(type="next_step", round_id=rid)
    say("synthesis", carrier, rng.choice(SYNTHESES), 0)
    for n in range(3):
        play(type="add_action_item", id=f"{rid}a{n}", round_id=rid, text=rng.choice(ACTIONS), due="2030-01-01")
    play(type="next_step", round_id=rid)
    for n, member in enumerate(ids):
        say("learning", member, rng.choice(LEARNINGS), n)
    play(type="finish_round", round_id=rid)


if __name__ == "__main__":
    import time

    started = time.perf_counter()
    ws = ten_years()
    took = time.perf_counter() - started
    counts = {name: len(ws.collection(name)) for name in ("sessions", "rounds", "pitches", "entries", "action_items")}
    print(f"ten years of history built in {took:.2f} s: {counts}")
