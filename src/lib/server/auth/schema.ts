import * as v from 'valibot';
import { plainText } from '../form-text';
import { PASSWORD_MAX_LENGTH } from './password';

const email = v.pipe(
	v.string('Enter your email address.'),
	v.trim(),
	plainText(),
	v.nonEmpty('Enter your email address.'),
	v.maxLength(254, 'That email address is too long.'),
	v.email('Enter an email address like name@example.org.')
);

export const signupSchema = v.object({
	name: v.pipe(
		v.string('Enter your name.'),
		v.trim(),
		plainText(),
		v.nonEmpty('Enter your name.'),
		v.maxLength(100, 'Use at most 100 characters.')
	),
	email,
	password: v.pipe(v.string('Choose a password.'), v.nonEmpty('Choose a password.'), v.maxLength(PASSWORD_MAX_LENGTH))
});

export const loginSchema = v.object({
	email,
	password: v.pipe(v.string('Enter your password.'), v.nonEmpty('Enter your password.'), v.maxLength(PASSWORD_MAX_LENGTH))
});
