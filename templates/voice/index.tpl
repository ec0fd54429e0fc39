{{%AUTOESCAPE context="HTML"}}
<h1 class="govuk-heading-l">Student voice</h1>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<p class="govuk-body">Your student representatives ask what you think in polls, take what they hear to the college, and publish what the college did about it: you said, we did.</p>
{{#MAY_RUN}}<div class="govuk-button-group"><a class="govuk-button" href="/voice/polls/new">Create a poll</a> <a class="govuk-button govuk-button--secondary" href="/voice/issues/new">Raise an issue</a></div>{{/MAY_RUN}}
</div></div>
{{#ANSWERS}}
<h2 id="answers-heading" class="govuk-heading-m">Issues for you to answer</h2>
<div class="tandem-table-scroll" role="region" aria-labelledby="answers-heading" tabindex="0">
<table class="govuk-table">
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Issue</th><th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header">Answer due</th></tr></thead>
<tbody class="govuk-table__body">
{{#ANSWER}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/voice/issues/{{ID}}">{{TITLE}}</a>{{#FOR}}<br><span class="tandem-muted">For {{NAME}}, whom you manage</span>{{/FOR}}</td><td class="govuk-table__cell">{{STATUS}}</td><td class="govuk-table__cell">{{DUE}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/OVERDUE}}</td></tr>
{{/ANSWER}}
</tbody>
</table>
</div>
{{/ANSWERS}}
<h2 class="govuk-heading-m">Polls for you</h2>
{{#NO_POLLS}}<p class="govuk-body">There are no polls for you at the moment.</p>{{/NO_POLLS}}
<ul class="govuk-list govuk-list--spaced">
{{#POLL}}<li><a class="govuk-link" href="/voice/polls/{{ID}}">{{TITLE}}</a> <strong class="govuk-tag govuk-tag--grey">{{STATE}}</strong>{{#VOTED}} <strong class="govuk-tag govuk-tag--green">You voted</strong>{{/VOTED}}{{#CAN_VOTE}} <strong class="govuk-tag govuk-tag--blue">Waiting for your vote</strong>{{/CAN_VOTE}} <span class="tandem-muted">{{CLOSE_WORD}} {{CLOSES}}</span></li>
{{/POLL}}
</ul>
{{#RUNS}}
<h2 class="govuk-heading-m">Polls you run</h2>
<ul class="govuk-list govuk-list--spaced">
{{#RUN}}<li><a class="govuk-link" href="/voice/polls/{{ID}}">{{TITLE}}</a> <strong class="govuk-tag govuk-tag--grey">{{STATE}}</strong> <span class="tandem-muted">{{VOTERS}} voted, {{CLOSE_WORD}} {{CLOSES}}</span></li>
{{/RUN}}
</ul>
{{/RUNS}}
<h2 class="govuk-heading-m">You said, we did</h2>
<p class="govuk-body">What your representatives raised with the college, and the answers.</p>
<ul class="govuk-list">
{{#BOARD}}<li><a class="govuk-link" href="{{HREF}}">{{NAME}}</a> <span class="tandem-muted">{{OPEN}} awaiting a decision</span></li>
{{/BOARD}}
</ul>
