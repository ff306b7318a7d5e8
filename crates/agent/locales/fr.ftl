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
handback = Rebonjour, c’est de nouveau l’assistant IA. Puis-je vous aider pour autre chose ?

choose-order = De quel achat s’agit-il ?
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Je ne trouve aucun achat sur votre compte.
no-matching-orders = Aucun de vos achats ne peut être utilisé pour cela pour le moment.

order-status = Votre achat chez { $merchant } ({ $item }, { $amount }) a été effectué le { $date }. { $state }
state-active-shipped = Il a été expédié le { $shipped } et le plan de paiement est en cours.
state-active-unshipped = Le marchand ne l’a pas encore marqué comme expédié.
state-paid-off = Il est entièrement payé.
state-refunded = Il a été intégralement remboursé.
state-cancelled = Il a été annulé.
state-paused-return = Les paiements sont suspendus jusqu’au { $until } en raison d’un retour.
state-paused-dispute = Les paiements sont suspendus pendant que nous examinons le problème que vous avez signalé.

next-payment = Votre prochain paiement pour { $merchant } est de { $amount }, à régler le { $date }.
next-payment-none = Il ne vous reste aucun paiement pour { $merchant }.
balance-remaining = Il vous reste { $amount } à payer pour { $merchant }. Nombre de paiements restants : { $count }.

pay-now-confirm = Voulez-vous que je règle maintenant l’échéance { $seq } de { $amount } pour { $merchant } avec votre carte enregistrée ? (Elle est due le { $date }.)
pay-now-done = C’est fait – paiement de { $amount } effectué pour { $merchant }.
pay-off-confirm = Solder votre achat chez { $merchant } aujourd’hui vous coûte { $amount }. { $saved } Voulez-vous que je continue ?
pay-off-saved = Vous économisez ainsi { $saved } d’intérêts.
pay-off-done = C’est fait – votre achat chez { $merchant } est entièrement réglé.
move-date-confirm = Je peux déplacer votre paiement de { $amount } pour { $merchant } du { $from } au { $to }. Voulez-vous que je le fasse ?
move-date-done = C’est fait – votre paiement arrive désormais à échéance le { $date }.
move-date-not-possible = Je ne peux pas déplacer ce paiement : { $reason }
move-date-limit = un paiement ne peut être déplacé qu’une seule fois, de { $days } jours au maximum, et jamais au-delà de la date du paiement suivant.

refund-status-some = Pour { $merchant }, le montant remboursé jusqu’à présent s’élève à { $refunded }.{ $paid_back }
refund-paid-back = { " " }Sur ce montant, nous avons reversé { $amount } sur votre carte.
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
late-fee-none = Vous n’avez pas de frais de retard.
late-fee-no-waiver = Je ne peux pas supprimer ces frais : le geste commercial exceptionnel a déjà été utilisé. Je peux vous mettre en relation avec un conseiller si vous le souhaitez.

payment-failed = Votre paiement de { $amount } pour { $merchant } dû le { $date } n’a pas abouti. Veuillez mettre à jour votre carte via ce lien sécurisé : { $link } – je pourrai ensuite relancer le paiement.
payment-failed-none = Je ne vois aucun paiement échoué sur votre compte.
update-payment-method = Pour votre sécurité, je ne prends jamais de numéro de carte dans le chat. Mettez à jour votre carte via ce lien sécurisé : { $link }
interest-cost = { $merchant } : { $plan }, TAEG { $apr } (taux débiteur { $nominal }), coût total du crédit { $cost }, montant total dû { $total }.
plan-pay-in-4 = paiement en 4 fois
plan-pay-in-30 = paiement à 30 jours
plan-financing = financement sur { $months } mois

account-close-ok = Vous n’avez aucun montant en cours, votre compte peut donc être clôturé. Un conseiller confirmera la clôture avec vous.
account-close-outstanding = Il vous reste { $amount } à régler, le compte ne peut donc pas encore être clôturé. Ce sera possible une fois que tout sera payé.
personal-details = Vous pouvez modifier votre adresse, votre e-mail ou votre numéro de téléphone en toute sécurité ici : { $link }
out-of-scope = Je ne peux malheureusement pas vous aider sur ce point – je suis là pour vos achats et vos paiements. Souhaitez-vous que je vous mette en relation avec un conseiller ?
how-it-works-none = Je n’ai pas d’article à ce sujet. Souhaitez-vous que je vous mette en relation avec un conseiller ?

confirm-expired = Cette confirmation a expiré, je n’ai donc rien fait. Reprenons depuis le début.
confirm-declined = D’accord, je ne fais rien.
action-failed = Je n’ai pas pu le faire : { $reason }
complaint-registered = J’ai enregistré votre réclamation sous la référence { $reference }. Un conseiller reviendra vers vous.
quick-yes = Oui
quick-no = Non
slow-down = Vous envoyez des messages très rapidement. Patientez un instant, puis réessayez.
