import 'reflect-metadata';
import { WrongExpectedVersionError } from '#eventstore';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
@Module({})
class AppModule {}
const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
console.log('ok', new WrongExpectedVersionError('s', 1n, 2n).message);
await app.close();
