"""Writes the ClaimReview fixture files of this folder from CHECKS below (invented, real-looking French
fact-checks), each file in one of the forms publishers use:

    single.jsonld   one ClaimReview object (with @context)
    list.json       a JSON list of ClaimReview objects
    graph.jsonld    an @graph holding ClaimReview objects and a WebPage
    feed.json       a DataFeed: dataFeedElement items, ClaimReview direct or under "item"
    checks.jsonl    JSON lines, one ClaimReview a line
    malformed.json  a list where some items are broken (the others must import)

Run `python tests/data/checks/build_fixture.py` after changing CHECKS.
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent

ORGS = {
    "afp": ("AFP Factuel", "https://factuel.afp.com/doc.afp.com.{}"),
    "monde": ("Les Décodeurs – Le Monde", "https://www.lemonde.fr/les-decodeurs/article/2019/{}.html"),
    "libe": ("CheckNews – Libération", "https://www.liberation.fr/checknews/{}"),
    "fi": ("franceinfo – Vrai ou Fake", "https://www.francetvinfo.fr/vrai-ou-fake/{}.html"),
    "vingt": ("20 Minutes – Fake Off", "https://www.20minutes.fr/societe/{}"),
    "tf1": ("TF1 Info – Les Vérificateurs", "https://www.tf1info.fr/les-verificateurs/{}.html"),
}

# (org, slug, date, claim reviewed, claim author, rating words, rating value on 1–5 or None)
CHECKS = [
    ("afp", "32A7XQ", "2019-05-03", "Les Russes doivent quitter le Venezuela", "Mike Pompeo", "Trompeur", 2),
    ("monde", "05/04/la-russie-n-a-pas-de-soldats-au-venezuela", "2019-05-04",
     "La Russie a déployé des milliers de soldats au Venezuela", "Donald Trump", "Exagéré", 2),
    ("libe", "2019/05/06/moscou-soutient-maduro", "2019-05-06",
     "Moscou finance le gouvernement de Nicolás Maduro", "Juan Guaido", "Plutôt vrai", 4),
    ("fi", "monde/venezuela-cuba-agents", "2019-05-02",
     "Cuba a envoyé 20 000 agents au Venezuela pour protéger Maduro", "Mike Pompeo", "Invérifiable", 3),
    ("afp", "32B1KL", "2019-05-07", "Nicolás Maduro s'apprêtait à fuir à Cuba", "Mike Pompeo", "Faux", 1),
    ("tf1", "l-iran-ouvre-une-ligne-aerienne-vers-caracas", "2019-05-08",
     "L'Iran va ouvrir une ligne aérienne directe entre Téhéran et Caracas", "Nicolás Maduro", "Vrai", 5),
    ("vingt", "2519833-20190509-juan-guaido-amnistie-militaires", "2019-05-09",
     "Juan Guaido promet l'amnistie aux militaires qui rejoignent l'opposition", "Juan Guaido", "Vrai", 5),
    ("monde", "05/10/washington-veut-renverser-maduro", "2019-05-10",
     "Les États-Unis mènent une campagne sans précédent pour renverser le pouvoir à Caracas", "Sergueï Lavrov",
     "C'est plus compliqué", 3),
    ("afp", "33C9ZD", "2019-06-12", "Le chômage a baissé de 19 000 personnes au premier trimestre", "Muriel Pénicaud",
     "Vrai", 5),
    ("fi", "economie/smic-le-plus-eleve-d-europe", "2019-06-14", "La France a le smic le plus élevé d'Europe",
     "Marine Le Pen", "Faux", 1),
    ("libe", "2019/06/20/les-retraites-baissent", "2019-06-20",
     "Les pensions de retraite ont baissé de 10 % depuis 2017", "Jean-Luc Mélenchon", "Exagéré", 2),
    ("vingt", "2540001-20190701-vaccins-autisme", "2019-07-01", "Les vaccins provoquent l'autisme",
     "une publication Facebook", "Faux", 1),
    ("tf1", "la-france-accueille-plus-de-migrants-que-l-allemagne", "2019-07-03",
     "La France accueille plus de demandeurs d'asile que l'Allemagne", "Éric Zemmour", "Faux", 1),
    ("afp", "34D2MN", "2019-07-09", "Emmanuel Macron a supprimé l'impôt sur la fortune", "Olivier Faure",
     "Plutôt vrai", 4),
    ("monde", "07/11/dette-publique-100-pour-cent", "2019-07-11",
     "La dette publique de la France dépasse 100 % du PIB", "Valérie Pécresse", "Plutôt vrai", 4),
    ("fi", "sante/5g-coronavirus", "2020-04-02", "La 5G propage le coronavirus", "une vidéo virale", "Faux", 1),
    ("libe", "2020/03/25/chloroquine-guerit", "2020-03-25", "La chloroquine guérit le Covid-19",
     "Didier Raoult", "Infondé", 3),
    ("vingt", "2761234-20200410-masques-inutiles", "2020-04-10", "Les masques ne servent à rien pour le grand public",
     "Sibeth Ndiaye", "Trompeur", 2),
    ("tf1", "les-ehpad-ont-ete-oublies", "2020-04-15",
     "Aucun test n'a été fait dans les Ehpad avant avril", "Xavier Bertrand", "Faux", 1),
    ("afp", "35E7PQ", "2020-05-05", "Le Covid-19 a été créé dans un laboratoire de Wuhan",
     "une publication Facebook", "Infondé", 3),
    ("monde", "2021/01/12/vaccin-arn-modifie-adn", "2021-01-12", "Les vaccins à ARN messager modifient notre ADN",
     "une vidéo virale", "Faux", 1),
    ("fi", "climat/la-france-ne-represente-que-1-pourcent", "2021-03-02",
     "La France ne représente que 1 % des émissions mondiales de CO2", "Jordan Bardella", "Plutôt vrai", 4),
    ("libe", "2021/03/10/eoliennes-tuent-oiseaux", "2021-03-10",
     "Les éoliennes tuent des millions d'oiseaux chaque année",
     "Marine Le Pen", "Exagéré", 2),
    ("vingt", "2990001-20210315-glyphosate-interdit", "2021-03-15",
     "Le glyphosate est interdit en France depuis 2021", "un élu local", "Faux", 1),
    ("tf1", "l-immigration-coute-70-milliards", "2021-09-20", "L'immigration coûte 70 milliards d'euros par an",
     "Éric Zemmour", "Infondé", 3),
    ("afp", "36F3RS", "2022-02-25", "L'Ukraine n'a jamais existé en tant qu'État", "Vladimir Poutine", "Faux", 1),
    ("monde", "2022/03/01/biolabs-ukraine", "2022-03-01",
     "Les États-Unis financent des laboratoires d'armes biologiques en Ukraine", "Maria Zakharova", "Faux", 1),
    ("fi", "monde/ukraine/l-armee-russe-ne-vise-pas-les-civils", "2022-03-08",
     "L'armée russe ne vise pas les civils en Ukraine", "Sergueï Lavrov", "Faux", 1),
    ("libe", "2022/03/14/la-france-livre-des-armes", "2022-03-14",
     "La France a livré des chars Leclerc à l'Ukraine", "une publication Twitter", "Faux", 1),
    ("vingt", "3250001-20220320-gaz-russe-40-pourcent", "2022-03-20",
     "L'Union européenne importe 40 % de son gaz de Russie", "Ursula von der Leyen", "Vrai", 5),
    ("tf1", "le-prix-de-l-electricite-a-double", "2022-09-05",
     "Le prix de l'électricité a doublé en France en un an", "Fabien Roussel", "Trompeur", 2),
    ("afp", "37G8TU", "2023-01-17", "La réforme des retraites va repousser l'âge légal à 64 ans",
     "Élisabeth Borne", "Vrai", 5),
    ("monde", "2023/01/20/pension-minimale-1200-euros", "2023-01-20",
     "Tous les retraités toucheront au moins 1 200 euros par mois", "Olivier Dussopt", "Faux", 1),
    ("fi", "politique/retraites/les-femmes-penalisees", "2023-02-01",
     "Les femmes seront pénalisées par la réforme des retraites", "Clémentine Autain", "Plutôt vrai", 4),
    ("libe", "2023/03/30/manifestants-record", "2023-03-30",
     "Plus de 3 millions de personnes ont manifesté contre la réforme des retraites", "Philippe Martinez",
     "Invérifiable", 3),
    ("vingt", "4020001-20230415-punaises-de-lit-migrants", "2023-10-04",
     "Les punaises de lit ont été apportées par les migrants", "une publication Facebook", "Faux", 1),
    ("tf1", "l-inflation-a-atteint-6-pourcent", "2023-03-01",
     "L'inflation a atteint 6 % en France sur un an", "Bruno Le Maire", "Vrai", 5),
    ("afp", "38H4VW", "2023-06-30", "Les émeutiers étaient majoritairement des étrangers", "un député",
     "Faux", 1),
    ("monde", "2024/02/05/agriculteurs-normes", "2024-02-05",
     "Les agriculteurs français subissent plus de normes que leurs voisins européens", "Jordan Bardella",
     "Invérifiable", 3),
    ("fi", "politique/la-chine-possede-des-terres-agricoles", "2024-02-12",
     "La Chine a acheté des milliers d'hectares de terres agricoles en France", "un éditorialiste", "Exagéré", 2),
    ("libe", "2024/06/10/abstention-record", "2024-06-10",
     "L'abstention aux européennes a atteint un record historique", "Raphaël Glucksmann", "Faux", 1),
    ("vingt", "4100001-20240615-smic-1600-euros", "2024-06-15",
     "Le Nouveau Front populaire veut porter le smic à 1 600 euros nets",
     "Manuel Bompard", "Vrai", 5),
    ("tf1", "les-jo-ont-coute-10-milliards", "2024-08-14",
     "Les Jeux olympiques de Paris ont coûté 10 milliards d'euros",
     "Éric Ciotti", "Plutôt vrai", 4),
    ("afp", "39J6XY", "2024-09-03", "Les Russes ont envoyé des troupes en Syrie pour soutenir Bachar al-Assad",
     "un commentateur", "Vrai", 5),
    ("monde", "2024/10/01/iran-livre-des-drones-a-la-russie", "2024-10-01",
     "L'Iran livre des drones à la Russie", "Volodymyr Zelensky", "Vrai", 5),
]


def claim_review(org: str, slug: str, date: str, claim: str, author: str, words: str, value, *,
                 context: bool = True) -> dict:
    name, pattern = ORGS[org]
    rating = {"@type": "Rating", "alternateName": words}
    if value is not None:
        rating |= {"ratingValue": value, "bestRating": 5, "worstRating": 1}
    out = {"@type": "ClaimReview", "url": pattern.format(slug), "datePublished": date, "inLanguage": "fr",
           "claimReviewed": claim, "author": {"@type": "Organization", "name": name},
           "reviewRating": rating,
           "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": author},
                            "datePublished": date, "appearance": {"@type": "CreativeWork",
                                                                  "url": f"https://example.org/source/{slug}"}}}
    return ({"@context": "https://schema.org"} | out) if context else out


def main() -> None:
    reviews = [claim_review(*c) for c in CHECKS]
    dump = dict(ensure_ascii=False, indent=2)
    (HERE / "single.jsonld").write_text(json.dumps(reviews[0], **dump) + "\n", encoding="utf-8")
    (HERE / "list.json").write_text(json.dumps(reviews[1:12], **dump) + "\n", encoding="utf-8")
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "url": "https://www.lemonde.fr/les-decodeurs/", "name": "Les Décodeurs"},
        *[claim_review(*c, context=False) for c in CHECKS[12:20]]]}
    (HERE / "graph.jsonld").write_text(json.dumps(graph, **dump) + "\n", encoding="utf-8")
    feed = {"@context": "https://schema.org", "@type": "DataFeed", "name": "Fact-checks en français",
            "dateModified": "2024-10-02", "dataFeedElement": [
                {"@type": "DataFeedItem", "dateCreated": c[2], "item": [claim_review(*c, context=False)]}
                if i % 2 else claim_review(*c, context=False) for i, c in enumerate(CHECKS[20:32])]}
    (HERE / "feed.json").write_text(json.dumps(feed, **dump) + "\n", encoding="utf-8")
    (HERE / "checks.jsonl").write_text("".join(json.dumps(claim_review(*c), ensure_ascii=False) + "\n"
                                               for c in CHECKS[32:]), encoding="utf-8")
    broken = [
        claim_review("afp", "40K1AB", "2024-11-02", "Le Venezuela a quitté l'Opep", "un internaute", "Faux", 1),
        {"@type": "ClaimReview", "url": "https://factuel.afp.com/doc.afp.com.40K2CD", "datePublished": "2024-11-03",
         "reviewRating": {"alternateName": "Faux"}},  # no claimReviewed
        {"@type": "ClaimReview", "url": "javascript:alert(1)", "claimReviewed": "Un lien piégé",
         "reviewRating": {"alternateName": "Faux"}},  # not an http(s) URL
        {"@type": "NewsArticle", "url": "https://www.lemonde.fr/x", "headline": "Pas une vérification"},
        "une chaîne perdue dans la liste",
        {"@type": "ClaimReview", "url": "https://www.liberation.fr/checknews/2024/11/05/sans-note",
         "claimReviewed": "Une vérification sans verdict", "reviewRating": {"@type": "Rating"}},  # no rating
        claim_review("fi", "monde/opep-venezuela", "2024-11-06",
                     "Le Venezuela produit plus de pétrole que l'Arabie saoudite",
                     "un internaute", "Faux", 1),
    ]
    (HERE / "malformed.json").write_text(json.dumps(broken, **dump) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
