--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: release_93d73e3; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA release_93d73e3;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: articles; Type: TABLE; Schema: release_93d73e3; Owner: -
--

CREATE TABLE release_93d73e3.articles (
    article_id character varying(255) NOT NULL,
    title text NOT NULL,
    outlet text NOT NULL,
    url text NOT NULL,
    published character varying(40) NOT NULL,
    source text NOT NULL,
    text text NOT NULL,
    text_hash character varying(64) NOT NULL,
    ingested_at character varying(40) NOT NULL
);


--
-- Name: claims; Type: TABLE; Schema: release_93d73e3; Owner: -
--

CREATE TABLE release_93d73e3.claims (
    claim_id character varying(32) NOT NULL,
    article_id character varying(255) NOT NULL,
    article_title text,
    published character varying(40),
    paragraph integer,
    sentence integer,
    start integer,
    "end" integer,
    text text,
    sentence_text text,
    kind character varying(20),
    speaker text,
    speaker_mention text,
    speaker_type character varying(20),
    speaker_resolution text,
    cue text,
    certainty character varying(20),
    certainty_markers text,
    about text,
    speaker_start integer,
    speaker_end integer,
    cue_start integer,
    cue_end integer,
    status character varying(40) NOT NULL,
    note text NOT NULL,
    reviewer text NOT NULL,
    reviewed_at character varying(40) NOT NULL,
    version integer NOT NULL,
    cluster_id character varying(32),
    cluster_key text
);


--
-- Name: reviews; Type: TABLE; Schema: release_93d73e3; Owner: -
--

CREATE TABLE release_93d73e3.reviews (
    review_id integer NOT NULL,
    claim_id character varying(32) NOT NULL,
    claim_text text NOT NULL,
    old_status character varying(40),
    new_status character varying(40) NOT NULL,
    note text NOT NULL,
    reviewer text NOT NULL,
    at character varying(40) NOT NULL,
    orphaned boolean NOT NULL,
    via_cluster character varying(32)
);


--
-- Name: reviews_review_id_seq; Type: SEQUENCE; Schema: release_93d73e3; Owner: -
--

CREATE SEQUENCE release_93d73e3.reviews_review_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: reviews_review_id_seq; Type: SEQUENCE OWNED BY; Schema: release_93d73e3; Owner: -
--

ALTER SEQUENCE release_93d73e3.reviews_review_id_seq OWNED BY release_93d73e3.reviews.review_id;


--
-- Name: reviews review_id; Type: DEFAULT; Schema: release_93d73e3; Owner: -
--

ALTER TABLE ONLY release_93d73e3.reviews ALTER COLUMN review_id SET DEFAULT nextval('release_93d73e3.reviews_review_id_seq'::regclass);


--
-- Data for Name: articles; Type: TABLE DATA; Schema: release_93d73e3; Owner: -
--

INSERT INTO release_93d73e3.articles VALUES ('000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', '', '', '/work/wt-store/seeds/000_ba259b4d1716a856.txt', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin

Entre la Russie et les États-Unis, les tensions relatives à la situation vénézuélienne, sont relativement palpables. D’un côté, le Kremlin soutient toujours aussi fermement Nicolás Maduro, le leader chaviste au pouvoir, alors que Washington reste derrière Juan Guaido. Ces distensions elles, ont un impact direct sur les relations entretenues par les deux nations.

Récemment, Moscou a ainsi appelé Washington à « abandonner » son soutien à l’opposition alors que les États-Unis ont, dimanche, appelé la Russie à quitter le Venezuela. « Les Russes doivent partir » a ainsi lancé Mike Pompeo, secrétaire d’État, au lendemain d’une nouvelle journée de mobilisation. Selon Caracas, Téhéran souhaite consolider ses liens avec le Venezuela et a annoncé l’arrivée prochaine d’une délégation censée travailler à l’ouverture d’une ligne commerciale entre les deux nations.

Une sortie qui intervient alors que quelques jours auparavant, Trump a confirmé que la Russie ne souhaitait pas « s’impliquer au Venezuela ». Une phrase qui lui a d’ailleurs été rappelée. Toutefois, celui-ci a assuré ne pas avoir vu le contexte de cette sortie, ajoutant au passage que l’exécutif a été très clair sur le sujet, personne ne doit interférer avec la démocratie vénézuélienne et, de fait, contrevenir au droit international.

La Russie ne souhaite pas laisser Caracas aux mains de Washington

Du côté Russe, on appelle également à un changement radical de stratégie de la part des Américains. Sergueï Lavrov a ainsi pointé du doigt une campagne « sans précédent » menée par les États-Unis afin de renverser les autorités au pouvoir. En outre, celui-ci a estimé qu’il était temps pour Washington de n’agir que dans le cadre du droit international. Conscient que le gouvernement américain envisage également l’intervention armée, Lavrov a également tenu à mettre en garde contre « toute action irréfléchie ». Une situation que les deux hommes évoqueront, ensemble, à l’occasion d’une rencontre prévue en Finlande, la semaine prochaine. Une rencontre qui s’annonce électrique, Pompeo et Lavrov entretenant des relations glaciales.

« Le moment de la transition est venu »

Depuis le 1er mai, la situation au Venezuela est en train de prendre une nouvelle tournure. Sur la base militaire de La Carlota, l’opposant au régime, Juan Guaido, a ainsi appelé à une nouvelle révolte, en vue de pousser Maduro au départ. Selon certaines sources américaines, ce dernier aurait tenté de fuir du côté de Cuba avant de finalement être rappelé à l’ordre par la Russie. « Le moment de la transition est venu » a toutefois assuré Mike Pompeo, pour qui le départ de Maduro doit se faire sous peu. Aujourd’hui, l’état-major des armées est toujours resté fidèle à Maduro, toutefois, de plus en plus de départs et de changements de camps sont notés, Guaido promettant l’amnistie à tous les militaires rejoignant son combat.', 'b07673c11e4f0f5a778ca81801a38ce304ab88efefbddf77390774bf9261a6a9', '2026-11-25T13:58:24+00:00');


--
-- Data for Name: claims; Type: TABLE DATA; Schema: release_93d73e3; Owner: -
--

INSERT INTO release_93d73e3.claims VALUES ('b6f99fa338b018cb', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 0, 0, 26, 73, 'la Russie à quitter le pays, réponse du Kremlin', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', 'indirect', 'Trump', 'Trump', 'person', 'named', 'appeler', 'reported', '[]', '["Russie"]', 12, 17, 18, 25, 'unverified', '', '', '', 1, '88775dad37960059', 'la russie a quitter le pays reponse du kremlin');
INSERT INTO release_93d73e3.claims VALUES ('8bae2fd9f9f7573c', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 1, 1, 75, 191, 'Entre la Russie et les États-Unis, les tensions relatives à la situation vénézuélienne, sont relativement palpables.', 'Entre la Russie et les États-Unis, les tensions relatives à la situation vénézuélienne, sont relativement palpables.', 'assertion', 'article', '', 'article', 'the article itself', '', 'hedged', '[{"text": "relativement", "type": "hedge", "start": 168, "end": 180}]', '["Russie", "États-Unis"]', -1, -1, -1, -1, 'unverified', '', '', '', 1, '27d14132ca01e787', 'entre la russie et les etats unis les tensions relatives a la situation venezuelienne sont relativement palpables');
INSERT INTO release_93d73e3.claims VALUES ('e3bb809e58423951', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 1, 2, 192, 343, 'D’un côté, le Kremlin soutient toujours aussi fermement Nicolás Maduro, le leader chaviste au pouvoir, alors que Washington reste derrière Juan Guaido.', 'D’un côté, le Kremlin soutient toujours aussi fermement Nicolás Maduro, le leader chaviste au pouvoir, alors que Washington reste derrière Juan Guaido.', 'assertion', 'article', '', 'article', 'the article itself', '', 'asserted', '[]', '["Russie", "Nicolás Maduro", "États-Unis", "Juan Guaido"]', -1, -1, -1, -1, 'unverified', '', '', '', 1, 'b295fbfd8a0c9286', 'd un cote le kremlin soutient toujours aussi fermement nicolas maduro le leader chaviste au pouvoir alors que washington reste derriere juan guaido');
INSERT INTO release_93d73e3.claims VALUES ('ff935beffa321185', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 1, 3, 344, 439, 'Ces distensions elles, ont un impact direct sur les relations entretenues par les deux nations.', 'Ces distensions elles, ont un impact direct sur les relations entretenues par les deux nations.', 'assertion', 'article', '', 'article', 'the article itself', '', 'asserted', '[]', '[]', -1, -1, -1, -1, 'unverified', '', '', '', 1, '719dfde60ec961ff', 'ces distensions elles ont un impact direct sur les relations entretenues par les deux nations');
INSERT INTO release_93d73e3.claims VALUES ('69f1caf37182f999', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 2, 4, 474, 528, 'Washington à « abandonner » son soutien à l’opposition', 'Récemment, Moscou a ainsi appelé Washington à « abandonner » son soutien à l’opposition alors que les États-Unis ont, dimanche, appelé la Russie à quitter le Venezuela.', 'mixed', 'Russie', 'Moscou', 'government', 'alias: Moscou → Russie', 'appeler', 'reported', '[]', '["États-Unis"]', 452, 458, 467, 473, 'unverified', '', '', '', 1, 'f68067dce189eacb', 'washington a abandonner son soutien a l opposition');
INSERT INTO release_93d73e3.claims VALUES ('6506334f60be5b59', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 2, 4, 576, 608, 'la Russie à quitter le Venezuela', 'Récemment, Moscou a ainsi appelé Washington à « abandonner » son soutien à l’opposition alors que les États-Unis ont, dimanche, appelé la Russie à quitter le Venezuela.', 'indirect', 'États-Unis', 'les États-Unis', 'government', 'alias: les États-Unis → États-Unis', 'appeler', 'reported', '[]', '["Russie", "Venezuela"]', 539, 553, 569, 575, 'unverified', '', '', '', 1, 'e360c7f53f4904e4', 'la russie a quitter le venezuela');
INSERT INTO release_93d73e3.claims VALUES ('b8e115c589b44a19', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 2, 5, 612, 637, 'Les Russes doivent partir', '« Les Russes doivent partir » a ainsi lancé Mike Pompeo, secrétaire d’État, au lendemain d’une nouvelle journée de mobilisation.', 'direct', 'Mike Pompeo', 'Mike Pompeo', 'person', 'named', 'lancer', 'reported', '[]', '["Russes"]', 654, 665, 648, 653, 'false', 'Aucune source, démenti de Moscou', 'bob', '2026-11-25T13:58:24+00:00', 3, '65457dd78b2faacd', 'les russes doivent partir');
INSERT INTO release_93d73e3.claims VALUES ('a68f41941977be01', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 2, 6, 754, 938, 'Téhéran souhaite consolider ses liens avec le Venezuela et a annoncé l’arrivée prochaine d’une délégation censée travailler à l’ouverture d’une ligne commerciale entre les deux nations', 'Selon Caracas, Téhéran souhaite consolider ses liens avec le Venezuela et a annoncé l’arrivée prochaine d’une délégation censée travailler à l’ouverture d’une ligne commerciale entre les deux nations.', 'according_to', 'Venezuela', 'Caracas', 'government', 'alias: Caracas → Venezuela', 'selon', 'hedged', '[{"text": "Selon", "type": "evidential", "start": 739, "end": 744}, {"text": "censée", "type": "hedge", "start": 860, "end": 866}]', '["Iran"]', 745, 752, 739, 744, 'unverified', '', '', '', 1, '84451b6d2bc61497', 'teheran souhaite consolider ses liens avec le venezuela et a annonce l arrivee prochaine d une delegation censee travailler a l ouverture d une ligne commerciale entre les deux nations');
INSERT INTO release_93d73e3.claims VALUES ('0dfb7cc921310c8d', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 3, 7, 1025, 1081, 'la Russie ne souhaitait pas « s’impliquer au Venezuela »', 'Une sortie qui intervient alors que quelques jours auparavant, Trump a confirmé que la Russie ne souhaitait pas « s’impliquer au Venezuela ».', 'mixed', 'Trump', 'Trump', 'person', 'named', 'confirmer', 'reported', '[]', '["Russie", "Venezuela"]', 1004, 1009, 1012, 1020, 'unverified', '', '', '', 1, '46caec8824ead1c2', 'la russie ne souhaitait pas s impliquer au venezuela');
INSERT INTO release_93d73e3.claims VALUES ('b7166810e877abaf', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 3, 9, 1158, 1201, 'ne pas avoir vu le contexte de cette sortie', 'Toutefois, celui-ci a assuré ne pas avoir vu le contexte de cette sortie, ajoutant au passage que l’exécutif a été très clair sur le sujet, personne ne doit interférer avec la démocratie vénézuélienne et, de fait, contrevenir au droit international.', 'indirect', 'Trump', 'celui-ci', 'person', 'celui-ci → Trump', 'assurer', 'reported', '[]', '[]', 1140, 1148, 1151, 1157, 'unverified', '', '', '', 1, '298bba6fb98f2d0d', 'ne pas avoir vu le contexte de cette sortie');
INSERT INTO release_93d73e3.claims VALUES ('68798024f431f6ca', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 3, 9, 1227, 1377, 'l’exécutif a été très clair sur le sujet, personne ne doit interférer avec la démocratie vénézuélienne et, de fait, contrevenir au droit international', 'Toutefois, celui-ci a assuré ne pas avoir vu le contexte de cette sortie, ajoutant au passage que l’exécutif a été très clair sur le sujet, personne ne doit interférer avec la démocratie vénézuélienne et, de fait, contrevenir au droit international.', 'indirect', 'Trump', 'celui-ci', 'person', 'celui-ci → Trump', 'ajouter', 'reported', '[]', '[]', 1140, 1148, 1203, 1211, 'unverified', '', '', '', 1, 'b72511ca291113b0', 'l executif a ete tres clair sur le sujet personne ne doit interferer avec la democratie venezuelienne et de fait contrevenir au droit international');
INSERT INTO release_93d73e3.claims VALUES ('be3d0367c90be5cd', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 4, 10, 1380, 1445, 'La Russie ne souhaite pas laisser Caracas aux mains de Washington', 'La Russie ne souhaite pas laisser Caracas aux mains de Washington', 'assertion', 'article', '', 'article', 'the article itself', '', 'asserted', '[]', '["Russie", "Venezuela", "États-Unis"]', -1, -1, -1, -1, 'unverified', '', '', '', 1, 'a228fe6476a92df3', 'la russie ne souhaite pas laisser caracas aux mains de washington');
INSERT INTO release_93d73e3.claims VALUES ('c19a1ee03695621f', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 5, 11, 1483, 1545, 'à un changement radical de stratégie de la part des Américains', 'Du côté Russe, on appelle également à un changement radical de stratégie de la part des Américains.', 'indirect', 'on', 'on', 'unknown', 'as written', 'appeler', 'reported', '[]', '["Américains"]', 1462, 1464, 1465, 1472, 'unverified', '', '', '', 1, 'b075bc5232b7ad51', 'a un changement radical de strategie de la part des americains');
INSERT INTO release_93d73e3.claims VALUES ('18edfbb0cbee233c', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 5, 12, 1586, 1685, 'une campagne « sans précédent » menée par les États-Unis afin de renverser les autorités au pouvoir', 'Sergueï Lavrov a ainsi pointé du doigt une campagne « sans précédent » menée par les États-Unis afin de renverser les autorités au pouvoir.', 'mixed', 'Sergueï Lavrov', 'Sergueï Lavrov', 'person', 'named', 'pointer du doigt', 'reported', '[]', '["États-Unis"]', 1547, 1561, 1570, 1585, 'unverified', '', '', '', 1, '517c8f42ff2e9ec5', 'une campagne sans precedent menee par les etats unis afin de renverser les autorites au pouvoir');
INSERT INTO release_93d73e3.claims VALUES ('ee11135d93399a27', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 5, 13, 1718, 1799, 'il était temps pour Washington de n’agir que dans le cadre du droit international', 'En outre, celui-ci a estimé qu’il était temps pour Washington de n’agir que dans le cadre du droit international.', 'indirect', 'Sergueï Lavrov', 'celui-ci', 'person', 'celui-ci → Sergueï Lavrov', 'estimer', 'reported', '[]', '["États-Unis"]', 1697, 1705, 1708, 1714, 'unverified', '', '', '', 1, 'f91e4117fb9777b0', 'il etait temps pour washington de n agir que dans le cadre du droit international');
INSERT INTO release_93d73e3.claims VALUES ('d86a2a238e065b40', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 5, 14, 1924, 1959, 'contre « toute action irréfléchie »', 'Conscient que le gouvernement américain envisage également l’intervention armée, Lavrov a également tenu à mettre en garde contre « toute action irréfléchie ».', 'mixed', 'Sergueï Lavrov', 'Lavrov', 'person', 'short form: Lavrov → Sergueï Lavrov', 'mettre en garde', 'reported', '[]', '[]', 1882, 1888, 1908, 1923, 'unverified', '', '', '', 1, '729e89f7427a421d', 'contre toute action irreflechie');
INSERT INTO release_93d73e3.claims VALUES ('501e9e37725c0bfa', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 5, 15, 1961, 2087, 'Une situation que les deux hommes évoqueront, ensemble, à l’occasion d’une rencontre prévue en Finlande, la semaine prochaine.', 'Une situation que les deux hommes évoqueront, ensemble, à l’occasion d’une rencontre prévue en Finlande, la semaine prochaine.', 'assertion', 'article', '', 'article', 'the article itself', '', 'asserted', '[]', '["Finlande"]', -1, -1, -1, -1, 'unverified', '', '', '', 1, 'e97be927d2698c4d', 'une situation que les deux hommes evoqueront ensemble a l occasion d une rencontre prevue en finlande la semaine prochaine');
INSERT INTO release_93d73e3.claims VALUES ('f63699268bf5837c', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 5, 16, 2088, 2181, 'Une rencontre qui s’annonce électrique, Pompeo et Lavrov entretenant des relations glaciales.', 'Une rencontre qui s’annonce électrique, Pompeo et Lavrov entretenant des relations glaciales.', 'assertion', 'article', '', 'article', 'the article itself', '', 'asserted', '[]', '["Mike Pompeo", "Sergueï Lavrov"]', -1, -1, -1, -1, 'unverified', '', '', '', 1, 'b70e4147d05d011b', 'une rencontre qui s annonce electrique pompeo et lavrov entretenant des relations glaciales');
INSERT INTO release_93d73e3.claims VALUES ('4f76181ebf9e37fc', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 7, 18, 2224, 2315, 'Depuis le 1er mai, la situation au Venezuela est en train de prendre une nouvelle tournure.', 'Depuis le 1er mai, la situation au Venezuela est en train de prendre une nouvelle tournure.', 'assertion', 'article', '', 'article', 'the article itself', '', 'asserted', '[]', '["Venezuela"]', -1, -1, -1, -1, 'unverified', '', '', '', 1, '1c997a181199cd3f', 'depuis le 1er mai la situation au venezuela est en train de prendre une nouvelle tournure');
INSERT INTO release_93d73e3.claims VALUES ('76323bb350d7c27b', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 7, 19, 2403, 2461, 'à une nouvelle révolte, en vue de pousser Maduro au départ', 'Sur la base militaire de La Carlota, l’opposant au régime, Juan Guaido, a ainsi appelé à une nouvelle révolte, en vue de pousser Maduro au départ.', 'indirect', 'Juan Guaido', 'Juan Guaido', 'person', 'named', 'appeler', 'reported', '[]', '["Nicolás Maduro"]', 2375, 2386, 2396, 2402, 'unverified', '', '', '', 1, 'c09816af2312a96d', 'a une nouvelle revolte en vue de pousser maduro au depart');
INSERT INTO release_93d73e3.claims VALUES ('55e5585b360dced7', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 7, 20, 2500, 2604, 'ce dernier aurait tenté de fuir du côté de Cuba avant de finalement être rappelé à l’ordre par la Russie', 'Selon certaines sources américaines, ce dernier aurait tenté de fuir du côté de Cuba avant de finalement être rappelé à l’ordre par la Russie.', 'according_to', 'anonymous source', 'certaines sources américaines', 'anonymous', 'vague source: certaines sources américaines', 'selon', 'unsourced', '[{"text": "Selon", "type": "evidential", "start": 2463, "end": 2468}, {"text": "Selon certaines sources américaines", "type": "vague_source", "start": 2463, "end": 2498}, {"text": "aurait tenté", "type": "conditional", "start": 2511, "end": 2523}]', '["Nicolás Maduro", "Cuba", "Russie"]', 2469, 2498, 2463, 2468, 'unverified', '', '', '', 1, '0d35a43cbf0a2fa7', 'ce dernier aurait tente de fuir du cote de cuba avant de finalement etre rappele a l ordre par la russie');
INSERT INTO release_93d73e3.claims VALUES ('d500dc2db152f2ab', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 7, 21, 2608, 2643, 'Le moment de la transition est venu', '« Le moment de la transition est venu » a toutefois assuré Mike Pompeo, pour qui le départ de Maduro doit se faire sous peu.', 'direct', 'Mike Pompeo', 'Mike Pompeo', 'person', 'named', 'assurer', 'reported', '[]', '[]', 2665, 2676, 2658, 2664, 'unverified', '', '', '', 1, 'a102ac65b9877a42', 'le moment de la transition est venu');
INSERT INTO release_93d73e3.claims VALUES ('557d59bdd67c8cfd', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 7, 21, 2687, 2729, 'le départ de Maduro doit se faire sous peu', '« Le moment de la transition est venu » a toutefois assuré Mike Pompeo, pour qui le départ de Maduro doit se faire sous peu.', 'according_to', 'Mike Pompeo', 'qui', 'person', 'qui → Mike Pompeo', 'pour qui', 'reported', '[{"text": "pour qui", "type": "evidential", "start": 2678, "end": 2686}]', '["Nicolás Maduro"]', 2683, 2686, 2678, 2686, 'unverified', '', '', '', 1, '75f1a67c48a52a33', 'le depart de maduro doit se faire sous peu');
INSERT INTO release_93d73e3.claims VALUES ('970b8522b4b2472f', '000_ba259b4d1716a856', 'Venezuela : Trump appelle la Russie à quitter le pays, réponse du Kremlin', '', 7, 22, 2899, 2953, 'l’amnistie à tous les militaires rejoignant son combat', 'Aujourd’hui, l’état-major des armées est toujours resté fidèle à Maduro, toutefois, de plus en plus de départs et de changements de camps sont notés, Guaido promettant l’amnistie à tous les militaires rejoignant son combat.', 'indirect', 'Juan Guaido', 'Guaido', 'person', 'short form: Guaido → Juan Guaido', 'promettre', 'reported', '[]', '[]', 2881, 2887, 2888, 2898, 'unverified', '', '', '', 1, 'ca0ba36ce171b64c', 'l amnistie a tous les militaires rejoignant son combat');


--
-- Data for Name: reviews; Type: TABLE DATA; Schema: release_93d73e3; Owner: -
--

INSERT INTO release_93d73e3.reviews VALUES (1, 'b8e115c589b44a19', 'Les Russes doivent partir', 'unverified', 'in_review', 'à vérifier', 'ana', '2026-11-25T13:58:24+00:00', false, NULL);
INSERT INTO release_93d73e3.reviews VALUES (2, 'b8e115c589b44a19', 'Les Russes doivent partir', 'in_review', 'false', 'Aucune source, démenti de Moscou', 'bob', '2026-11-25T13:58:24+00:00', false, NULL);
INSERT INTO release_93d73e3.reviews VALUES (3, '37c84a4f5f495bdd', 'l’implication iranienne et cubaine dans le conflit', 'unverified', 'misleading', 'contexte manquant', 'ana', '2026-11-25T13:58:24+00:00', true, NULL);


--
-- Name: reviews_review_id_seq; Type: SEQUENCE SET; Schema: release_93d73e3; Owner: -
--

SELECT pg_catalog.setval('release_93d73e3.reviews_review_id_seq', 3, true);


--
-- Name: articles articles_pkey; Type: CONSTRAINT; Schema: release_93d73e3; Owner: -
--

ALTER TABLE ONLY release_93d73e3.articles
    ADD CONSTRAINT articles_pkey PRIMARY KEY (article_id);


--
-- Name: claims claims_pkey; Type: CONSTRAINT; Schema: release_93d73e3; Owner: -
--

ALTER TABLE ONLY release_93d73e3.claims
    ADD CONSTRAINT claims_pkey PRIMARY KEY (claim_id);


--
-- Name: reviews reviews_pkey; Type: CONSTRAINT; Schema: release_93d73e3; Owner: -
--

ALTER TABLE ONLY release_93d73e3.reviews
    ADD CONSTRAINT reviews_pkey PRIMARY KEY (review_id);


--
-- Name: ix_claims_article_start; Type: INDEX; Schema: release_93d73e3; Owner: -
--

CREATE INDEX ix_claims_article_start ON release_93d73e3.claims USING btree (article_id, start);


--
-- Name: ix_claims_cluster_id; Type: INDEX; Schema: release_93d73e3; Owner: -
--

CREATE INDEX ix_claims_cluster_id ON release_93d73e3.claims USING btree (cluster_id);


--
-- Name: ix_claims_speaker; Type: INDEX; Schema: release_93d73e3; Owner: -
--

CREATE INDEX ix_claims_speaker ON release_93d73e3.claims USING btree (speaker);


--
-- Name: ix_claims_status; Type: INDEX; Schema: release_93d73e3; Owner: -
--

CREATE INDEX ix_claims_status ON release_93d73e3.claims USING btree (status);


--
-- Name: ix_reviews_claim_id; Type: INDEX; Schema: release_93d73e3; Owner: -
--

CREATE INDEX ix_reviews_claim_id ON release_93d73e3.reviews USING btree (claim_id);


--
-- Name: claims claims_article_id_fkey; Type: FK CONSTRAINT; Schema: release_93d73e3; Owner: -
--

ALTER TABLE ONLY release_93d73e3.claims
    ADD CONSTRAINT claims_article_id_fkey FOREIGN KEY (article_id) REFERENCES release_93d73e3.articles(article_id);


--
-- PostgreSQL database dump complete
--


