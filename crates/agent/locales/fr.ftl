# fairdesk assistant replies — French (vouvoiement). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).

welcome = Bonjour { $name } ! Je suis l’assistant IA de fairdesk – pas une personne. Je peux vous aider pour vos paiements, remboursements, retours et plans de paiement. Écrivez « humain » ou « human » à tout moment et un conseiller prendra le relais.
greeting = Bonjour ! Comment puis-je vous aider aujourd’hui pour vos achats ou vos paiements ?
thanks-goodbye = Avec plaisir ! Bonne journée.
not-understood = Désolé, je n’ai pas compris. Pourriez-vous reformuler ? Vous pouvez aussi écrire « humain » ou « human » pour parler à un conseiller.
message-too-long = Ce message est trop long pour moi ({ $max } caractères maximum). Pourriez-vous le raccourcir ?
sensitive-masked = Pour votre sécurité, j’ai masqué le numéro de carte ou d’identité que vous avez saisi. Ne partagez jamais de numéro de carte ou d’identité dans le chat.

handoff-queued = Je vous mets en relation avec un conseiller. Vous êtes en position { $position } dans la file d’attente, et il verra l’intégralité de notre conversation.
handoff-already = Vous êtes dans la file d’attente pour un conseiller (position { $position }). Il vous répondra dès que possible.
handoff-ack-hardship = Je suis désolé que vous traversiez cette situation, et merci de nous en avoir parlé. Un conseiller va examiner avec vous les solutions possibles.
handoff-ack-fraud = Je comprends que ce soit inquiétant. Un conseiller de notre équipe antifraude va s’en occuper tout de suite.
fraud-purchase = Il s’agit de votre achat chez { $merchant } de { $amount } du { $date }.
handoff-ack-complaint = Je suis désolé que nous n’ayons pas été à la hauteur. Un conseiller va traiter votre réclamation.
handoff-ack-frustration = Je suis désolé que cette situation ait été aussi frustrante.
handback = Rebonjour, c’est de nouveau l’assistant IA. Puis-je vous aider pour autre chose ?

choose-order = De quel achat s’agit-il : { $orders } ?
choice-or = ou
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Je ne trouve aucun achat sur votre compte.
no-matching-orders = Aucun de vos achats ne peut être utilisé pour cela pour le moment.

order-status = Votre achat chez { $merchant } ({ $item }, { $amount }) a été effectué le { $date }. { $state }
state-active-shipped = Il a été expédié le { $shipped } et le plan de paiement est en cours.
state-active-unshipped = Le marchand ne l’a pas encore marqué comme expédié.
shipment-tracking = Le colis est confié à { $carrier }, numéro de suivi : { $tracking }.
shipment-carrier = Le colis est confié à { $carrier }.
shipment-delivered = Il a été livré le { $date }.
shipment-on-its-way = Il n’est pas encore indiqué comme livré.
state-paid-off = Il est entièrement payé.
state-refunded = Il a été intégralement remboursé.
state-cancelled = Il a été annulé.
state-paused-return = Les paiements sont suspendus jusqu’au { $until } en raison d’un retour.
state-paused-dispute = Les paiements sont suspendus pendant que nous examinons le problème que vous avez signalé.

next-payment = Votre prochain paiement pour { $merchant } est de { $amount }, à régler le { $date }.
next-payment-overdue = Votre paiement de { $amount } pour { $merchant } était dû le { $date } et est en retard.
next-payment-others = Vous avez ensuite des paiements à venir sur d’autres achats (nombre d’achats : { $count }).
next-payment-nothing = Il ne vous reste aucun paiement à effectuer.
next-payment-none = Il ne vous reste aucun paiement pour { $merchant }.
balance-remaining = Il vous reste { $amount } à payer pour { $merchant }. Nombre de paiements restants : { $count }.
balance-total = Au total, il vous reste { $amount } à payer. Nombre d’achats concernés : { $count }.
balance-nothing = Il ne vous reste rien à payer.
balance-next = Votre prochain paiement est de { $amount } pour { $merchant }, à régler le { $date }.
balance-next-overdue = Votre paiement de { $amount } pour { $merchant } était dû le { $date } et est en retard.

pay-now-confirm = Voulez-vous que je règle maintenant l’échéance { $seq } de { $amount } pour { $merchant } avec votre carte enregistrée ? (Elle est due le { $date }.)
pay-now-done = C’est fait – paiement de { $amount } effectué pour { $merchant }.
pay-off-confirm = Solder votre achat chez { $merchant } aujourd’hui vous coûte { $amount }. { $saved } Voulez-vous que je continue ?
pay-off-saved = Vous économisez ainsi { $saved } d’intérêts.
pay-off-done = C’est fait – votre achat chez { $merchant } est entièrement réglé.
move-date-confirm = Je peux déplacer votre paiement de { $amount } pour { $merchant } du { $from } au { $to }. Voulez-vous que je le fasse ?
move-date-done = C’est fait – votre paiement arrive désormais à échéance le { $date }.
move-date-not-possible = Je ne peux pas déplacer ce paiement pour { $merchant } : { $reason }
move-date-limit = un paiement ne peut être déplacé qu’une seule fois, de { $days } jours au maximum, et jamais au-delà de la date du paiement suivant.
move-date-last = il s’agit du dernier paiement du plan (dû le { $date }), et la dernière date d’un plan ne peut pas être déplacée.
move-date-moved-once = il a déjà été déplacé une fois (il est désormais dû le { $date }), et chaque paiement ne peut être déplacé qu’une seule fois.
move-date-latest-confirm = La date la plus tardive à laquelle je peux déplacer votre paiement de { $amount } est le { $to } (au lieu du { $from }). Voulez-vous que je le déplace au { $to } ?
move-date-person = Si vous avez besoin de plus de temps, un conseiller peut examiner la question avec vous. Souhaitez-vous que je vous mette en relation avec un conseiller ?

refund-status-some = Pour { $merchant }, le montant remboursé jusqu’à présent s’élève à { $refunded }.{ $paid_back }
refund-paid-back = { " " }Sur ce montant, nous avons reversé { $amount } sur votre carte.
refund-date = Le dernier remboursement a été effectué le { $date }.
refund-still-owed = Il vous reste { $owed } à payer sur cet achat (nombre de paiements restants : { $count }).
refund-nothing-owed = Vous ne devez plus rien sur cet achat.
refund-status-none = Il n’y a pas encore de remboursement pour { $merchant }. Si vous avez renvoyé l’article, le remboursement arrivera dès que le marchand en aura confirmé la réception.
refund-return-pending = Votre retour auprès de { $merchant } est enregistré (commencé le { $date }) ; les paiements sont suspendus jusqu’au { $until }, le temps que le marchand reçoive l’article.

return-confirm = Voulez-vous que j’enregistre un retour pour { $merchant } ? Vos paiements seront suspendus jusqu’à { $days } jours, le temps que le marchand reçoive l’article.
return-done = Votre retour est enregistré. Renvoyez l’article à { $merchant } ; dès que le marchand en aura confirmé la réception, le remboursement réduira le montant que vous devez. Les paiements sont suspendus jusqu’au { $until }.
problem-confirm = J’en suis désolé. Voulez-vous que j’ouvre un dossier auprès de { $merchant } et que je suspende vos paiements le temps que nous examinions le problème ?
problem-done = J’ai ouvert un dossier auprès de { $merchant } et suspendu vos paiements. Nous reviendrons vers vous ; aucuns frais de retard ne seront appliqués tant que le dossier est ouvert.
cancel-confirm = Voulez-vous que j’annule votre achat de { $amount } chez { $merchant } ?
cancel-done = C’est fait – votre achat chez { $merchant } est annulé et vous ne devez rien à ce titre.
cancel-not-possible = Un paiement a déjà été prélevé pour { $merchant }, l’achat ne peut donc plus être annulé – mais vous pouvez le retourner. Voulez-vous que j’enregistre un retour ?

late-fee-explain = Des frais de retard de { $fee } ont été ajoutés à votre paiement pour { $merchant } dû le { $date }, car il était toujours impayé { $grace } jours après l’échéance.
late-fee-waive-confirm = À titre de geste commercial exceptionnel, je peux supprimer ces frais de { $fee }. Voulez-vous que je le fasse ?
late-fee-waived = C’est fait – les frais de { $fee } ont été supprimés.
late-fee-was-paid = Ces frais ont déjà été payés, vous n’avez donc plus rien à régler à ce titre.
late-fee-refund-confirm = Ces frais ont été payés avec l’échéance. À titre de geste commercial exceptionnel, je peux les annuler et vous rembourser les { $fee }. Voulez-vous que je le fasse ?
late-fee-was-waived = Ces frais ont été supprimés, vous ne les devez donc pas.
late-fee-none = Vous n’avez pas de frais de retard.
late-fee-no-waiver = Je ne peux pas supprimer ces frais : le geste commercial exceptionnel a déjà été utilisé. Je peux vous mettre en relation avec un conseiller si vous le souhaitez.

payment-failed = Votre paiement de { $amount } pour { $merchant } dû le { $date } n’a pas abouti. Veuillez mettre à jour votre carte via ce lien sécurisé : { $link } – je pourrai ensuite relancer le paiement.
decline-card-expired = Motif du refus : votre carte enregistrée a expiré.
decline-insufficient-funds = Motif du refus : la banque a refusé le paiement pour provision insuffisante.
decline-card-blocked = Motif du refus : la carte est bloquée.
decline-bank-declined = Motif du refus : votre banque a refusé le paiement.
payment-failed-retry = Un nouveau prélèvement automatique sera tenté le { $date }.
payment-failed-none = Je ne vois aucun paiement échoué sur votre compte.
update-payment-method = Pour votre sécurité, je ne prends jamais de numéro de carte dans le chat. Mettez à jour votre carte via ce lien sécurisé : { $link }
interest-cost = { $merchant } : { $plan }, TAEG { $apr } (taux débiteur { $nominal }), coût total du crédit { $cost }, montant total dû { $total }.
interest-schedule = Cela représente des paiements de { $amount } chacun (nombre de paiements : { $count }), le premier étant dû le { $first }.
plan-pay-in-4 = paiement en 4 fois
plan-pay-in-30 = paiement à 30 jours
plan-financing = financement sur { $months } mois

account-close-confirm = Vous n’avez aucun montant en cours, votre compte peut donc être clôturé. Voulez-vous que je le clôture maintenant ? Ensuite, aucun nouvel achat ne sera possible avec ce compte.
account-close-done = C’est fait – votre compte est clôturé, et cette conversation est terminée. Merci d’avoir été notre client.
account-close-already = Votre compte est déjà clôturé.
account-close-outstanding = Il vous reste { $amount } à régler, le compte ne peut donc pas encore être clôturé. Ce sera possible une fois que tout sera payé.
personal-details = Vous pouvez modifier votre adresse, votre e-mail ou votre numéro de téléphone en toute sécurité ici : { $link }
contact-email = L’adresse e-mail enregistrée est { $email }.
contact-phone = Le numéro de téléphone enregistré se termine par { $phone }.
contact-none = Je n’ai aucune adresse e-mail ni aucun numéro de téléphone enregistré pour vous.
out-of-scope = Je ne peux malheureusement pas vous aider sur ce point – je suis là pour vos achats et vos paiements. Souhaitez-vous que je vous mette en relation avec un conseiller ?
out-of-scope-part = Pour une partie de votre message, je ne peux pas vous aider – je suis là pour vos achats et vos paiements. Pour le reste :
quick-next-payment = Mon prochain paiement
quick-order-status = Où en est ma commande ?
quick-person = Parler à un conseiller
only-own-purchases = Je ne peux vous aider que pour vos propres achats et votre propre compte – pas pour ceux de quelqu’un d’autre. S’il s’agit de quelque chose qui vous concerne, je vous aide volontiers.
no-role-play = Je ne peux pas changer ma façon de fonctionner ni jouer un autre rôle, et mes règles restent les mêmes. En revanche, je vous aide volontiers pour vos achats.
no-special-powers = Je ne peux accorder de droits particuliers à personne dans ce chat, quelle que soit l’identité revendiquée. Pour vos propres achats, je peux vous aider comme d’habitude.
how-it-works-none = Je n’ai pas d’article à ce sujet. Souhaitez-vous que je vous mette en relation avec un conseiller ?

confirm-expired = Cette confirmation a expiré, je n’ai donc rien fait. Reprenons depuis le début.
confirm-declined = D’accord, je ne fais rien.
confirm-unclear = Juste pour être sûr : je m’en occupe ? Répondez par oui ou par non.
two-errands-later = Je reviens à votre autre demande juste après.
action-failed = Je n’ai pas pu le faire : { $reason }
complaint-registered = J’ai enregistré votre réclamation sous la référence { $reference }. Un conseiller reviendra vers vous.
quick-yes = Oui
quick-no = Non
slow-down = Vous envoyez des messages très rapidement. Patientez un instant, puis réessayez.

person-joined = { $name } (une personne) a rejoint la conversation.
person-closed = { $name } a clôturé la conversation. Merci de nous avoir contactés.
snippet-hello = Bonjour, je suis { $name }. J’ai lu votre conversation avec l’assistant et je prends le relais.
snippet-checking = Merci. Un instant, je regarde cela.
snippet-anything-else = Puis-je vous aider pour autre chose ?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Chat du service client
widget-launcher = Discuter avec nous
widget-title = Service client
widget-disclosure = Vous discutez avec un assistant IA, pas avec une personne. Un conseiller prend le relais dès que vous le demandez.
widget-person = Parler à un conseiller
widget-close = Fermer le chat
widget-language = Langue
widget-language-change = Changer
widget-conversation = Conversation
widget-suggested = Réponses suggérées
widget-message = Votre message
widget-send = Envoyer
widget-you = Vous
widget-bot = Assistant IA
widget-agent = Conseiller
widget-typing = { $name } écrit…
widget-typing-person = Un conseiller écrit…
widget-queued = En attente d’un conseiller : vous êtes numéro { $position } dans la file.
widget-queued-unknown = En attente d’un conseiller.
widget-wait = { $minutes ->
    [one] Attente estimée : environ une minute.
   *[other] Attente estimée : environ { $minutes } minutes.
}
widget-wait-unknown = Attente estimée : quelques minutes.
widget-human = Un conseiller est avec vous.
widget-closed = Cette conversation est terminée.
widget-not-sent = Non envoyé : { $reason }
widget-not-started = Le chat n’a pas pu démarrer : { $reason }
widget-rating-title = Comment nous sommes-nous débrouillés ?
widget-rating-scale = 1 signifie très mécontent, 5 très content.
widget-rating-1 = très mécontent
widget-rating-2 = mécontent
widget-rating-3 = ni content ni mécontent
widget-rating-4 = content
widget-rating-5 = très content
widget-rating-thanks = Merci pour votre note.
widget-rating-not-saved = Votre note n’a pas été enregistrée : { $reason }
